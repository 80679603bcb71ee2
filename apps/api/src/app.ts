import { randomBytes } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { auditRoutes } from './audit/audit.routes.ts';
import { availabilityRoutes } from './booking/availability.routes.ts';
import { bookingsRoutes } from './booking/bookings.routes.ts';
import { closuresRoutes } from './booking/closures.routes.ts';
import { feedsRoutes } from './booking/feeds.routes.ts';
import { resourcesRoutes } from './booking/resources.routes.ts';
import { seriesRoutes } from './booking/series.routes.ts';
import { aggregatesRoutes } from './circles/aggregates.routes.ts';
import { agreementsRoutes } from './circles/agreements.routes.ts';
import { circlesRoutes } from './circles/circles.routes.ts';
import { lookupRoutes } from './circles/lookup.routes.ts';
import { participantsRoutes } from './circles/participants.routes.ts';
import { sessionsRoutes } from './circles/sessions.routes.ts';
import { facilitiesRoutes } from './circular/facilities.routes.ts';
import { indicatorsRoutes } from './circular/indicators.routes.ts';
import { inflowsRoutes } from './circular/inflows.routes.ts';
import { outflowsRoutes } from './circular/outflows.routes.ts';
import { registerRoutes } from './circular/register.routes.ts';
import { reuseRoutes } from './circular/reuse.routes.ts';
import { stockRoutes } from './circular/stock.routes.ts';
import { streamsRoutes } from './circular/streams.routes.ts';
import { customFieldsRoutes } from './config/custom-fields.routes.ts';
import { listsRoutes } from './config/lists.routes.ts';
import { checkInsRoutes } from './coworking/check-ins.routes.ts';
import { passesRoutes } from './coworking/passes.routes.ts';
import type { Database } from './db/client.ts';
import { agendaIcsRoutes } from './events/agenda-ics.routes.ts';
import { eventsRoutes } from './events/events.routes.ts';
import { registrationsRoutes } from './events/registrations.routes.ts';
import { disbursementsRoutes } from './fund/disbursements.routes.ts';
import { donationImportRoutes } from './fund/donation-import.routes.ts';
import { donationsRoutes } from './fund/donations.routes.ts';
import { donorsRoutes } from './fund/donors.routes.ts';
import { fundsRoutes } from './fund/funds.routes.ts';
import { grantsRoutes } from './fund/grants.routes.ts';
import { fundIdentityRoutes } from './fund/identity.routes.ts';
import { ledgerRoutes } from './fund/ledger.routes.ts';
import { receiptsRoutes } from './fund/receipts.routes.ts';
import { assignmentsRoutes } from './gardens/assignments.routes.ts';
import { compostRoutes } from './gardens/compost.routes.ts';
import { gardenersRoutes } from './gardens/gardeners.routes.ts';
import { gardensRoutes } from './gardens/gardens.routes.ts';
import { harvestsRoutes } from './gardens/harvests.routes.ts';
import { plotsRoutes } from './gardens/plots.routes.ts';
import { waitingListRoutes } from './gardens/waiting-list.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { clientAddress } from './http/client-address.ts';
import { csrfGuard } from './http/csrf.ts';
import { mountHub } from './http/hub-static.ts';
import { jsonLength } from './http/json-length.ts';
import { mountApiDocs } from './http/openapi.ts';
import { onError, onNotFound, problemResponse, validationHook } from './http/problem.ts';
import type { ApiEnv } from './http/router.ts';
import { securityHeaders } from './http/security-headers.ts';
import { authRoutes } from './identity/auth.routes.ts';
import { createAuth } from './identity/auth.ts';
import { type AuthLimits, DEFAULT_AUTH_LIMITS } from './identity/auth-throttle.ts';
import { authenticate } from './identity/authenticate.ts';
import { meRoutes } from './identity/me.routes.ts';
import { tokensRoutes } from './identity/tokens.routes.ts';
import { usersRoutes } from './identity/users.routes.ts';
import { centresRoutes } from './network/centres.routes.ts';
import { organisationRoutes } from './network/organisation.routes.ts';
import { partnersRoutes } from './network/partners.routes.ts';
import { dashboardsRoutes } from './reports/dashboards.routes.ts';
import { reportsRoutes } from './reports/reports.routes.ts';

export interface IdentityOptions {
  /** Signs session cookies. The server always passes one (LAKOU_SECRET); tests get a random one. */
  secret?: string;
  /** Where people reach Lakou (default http://localhost:3000). */
  publicUrl?: string;
  /** Other origins that may call the API with a token from a browser. */
  corsOrigins?: string[];
  trustProxy?: boolean;
  /** Wakes the email dispatcher. */
  onEmailQueued?: () => void;
  /** Overrides some sign-in limits (tests); the defaults are 10/min per account, 50/min per address. */
  authLimits?: Partial<AuthLimits>;
}

export interface AppOptions {
  database: Pick<Database, 'db' | 'kind'>;
  /** The built hub to serve beside the API; omitted in API-only tests. */
  hubDist?: string;
  /** Largest accepted request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  identity?: IdentityOptions;
}

function apiRoutes(options: AppOptions) {
  return (
    new OpenAPIHono<ApiEnv>({ defaultHook: validationHook })
      .route('/', healthRoutes(options.database.kind))
      .route('/', organisationRoutes)
      .route('/', centresRoutes)
      .route('/', partnersRoutes)
      .route('/', meRoutes)
      .route('/', usersRoutes)
      .route('/', tokensRoutes)
      .route('/', auditRoutes)
      .route('/', resourcesRoutes)
      .route('/', bookingsRoutes)
      .route('/', availabilityRoutes)
      .route('/', seriesRoutes)
      .route('/', closuresRoutes)
      .route('/', feedsRoutes)
      .route('/', eventsRoutes)
      .route('/', registrationsRoutes)
      .route('/', agendaIcsRoutes)
      .route('/', passesRoutes)
      .route('/', checkInsRoutes)
      // Static paths under /circles before /circles/{id}.
      .route('/', lookupRoutes)
      .route('/', aggregatesRoutes)
      .route('/', circlesRoutes)
      .route('/', participantsRoutes)
      .route('/', sessionsRoutes)
      .route('/', agreementsRoutes)
      .route('/', fundsRoutes)
      .route('/', ledgerRoutes)
      .route('/', donorsRoutes)
      // POST /donations/import before /donations/{id}.
      .route('/', donationImportRoutes)
      .route('/', donationsRoutes)
      .route('/', grantsRoutes)
      .route('/', disbursementsRoutes)
      .route('/', receiptsRoutes)
      .route('/', fundIdentityRoutes)
      .route('/', streamsRoutes)
      .route('/', facilitiesRoutes)
      .route('/', inflowsRoutes)
      .route('/', reuseRoutes)
      .route('/', outflowsRoutes)
      .route('/', stockRoutes)
      .route('/', indicatorsRoutes)
      .route('/', registerRoutes)
      .route('/', gardensRoutes)
      .route('/', plotsRoutes)
      .route('/', gardenersRoutes)
      .route('/', assignmentsRoutes)
      .route('/', waitingListRoutes)
      .route('/', harvestsRoutes)
      .route('/', compostRoutes)
      .route('/', dashboardsRoutes)
      .route('/', reportsRoutes)
      .route('/', customFieldsRoutes)
      .route('/', listsRoutes)
  );
}

export function createApp(options: AppOptions) {
  const identity = options.identity ?? {};
  const publicUrl = identity.publicUrl ?? 'http://localhost:3000';
  const corsOrigins = identity.corsOrigins ?? [];
  const onEmailQueued = identity.onEmailQueued ?? (() => {});
  const authLimits: AuthLimits = { ...DEFAULT_AUTH_LIMITS, ...identity.authLimits };
  const auth = createAuth(options.database.db, {
    secret: identity.secret ?? randomBytes(32).toString('base64url'),
    publicUrl,
    trustedOrigins: [],
    trustProxy: identity.trustProxy ?? false,
    onEmailQueued,
  });

  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  app.onError(onError);
  app.notFound(onNotFound);
  app.use('*', securityHeaders);
  app.use('*', compress());
  app.use('*', jsonLength);
  // Closed by default: only origins named in CORS_ORIGINS, and only with tokens (no cookies).
  if (corsOrigins.length) {
    app.use(
      '/api/*',
      cors({
        origin: corsOrigins,
        allowHeaders: ['Authorization', 'Content-Type'],
        allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
        credentials: false,
        maxAge: 600,
      }),
    );
  }
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: options.bodyLimit ?? 1024 * 1024,
      onError: (c) =>
        problemResponse(c, 413, 'Le corps de la requête dépasse la taille autorisée.'),
    }),
  );
  app.use('/api/*', async (c, next) => {
    c.set('db', options.database.db);
    c.set('auth', auth);
    c.set('onEmailQueued', onEmailQueued);
    c.set('publicUrl', publicUrl.replace(/\/$/, ''));
    c.set('authLimits', authLimits);
    c.set('clientAddress', clientAddress(c, identity.trustProxy ?? false));
    await next();
  });
  app.use('/api/*', csrfGuard([publicUrl]));
  app.use('/api/*', authenticate);
  app.route('/api', authRoutes());
  const routed = app.route('/api', apiRoutes(options));
  mountApiDocs(app, auth);
  if (options.hubDist) mountHub(app, options.hubDist);
  return routed;
}

/** The typed shape the hub's `hc` client is built from. */
export type AppType = ReturnType<typeof createApp>;
