import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import type { Database } from './db/client.ts';
import { healthRoutes } from './health/health.routes.ts';
import { mountHub } from './http/hub-static.ts';
import { mountApiDocs } from './http/openapi.ts';
import { onError, onNotFound, problemResponse, validationHook } from './http/problem.ts';
import type { ApiEnv } from './http/router.ts';
import { centresRoutes } from './network/centres.routes.ts';
import { organisationRoutes } from './network/organisation.routes.ts';
import { partnersRoutes } from './network/partners.routes.ts';

export interface AppOptions {
  database: Pick<Database, 'db' | 'kind'>;
  /** The built hub to serve beside the API; omitted in API-only tests. */
  hubDist?: string;
  /** Largest accepted request body in bytes (default 1 MiB). */
  bodyLimit?: number;
}

function apiRoutes(options: AppOptions) {
  return new OpenAPIHono<ApiEnv>({ defaultHook: validationHook })
    .route('/', healthRoutes(options.database.kind))
    .route('/', organisationRoutes)
    .route('/', centresRoutes)
    .route('/', partnersRoutes);
}

export function createApp(options: AppOptions) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  app.onError(onError);
  app.notFound(onNotFound);
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  app.use('*', compress());
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
    await next();
  });
  const routed = app.route('/api', apiRoutes(options));
  mountApiDocs(app);
  if (options.hubDist) mountHub(app, options.hubDist);
  return routed;
}

/** The typed shape the hub's `hc` client is built from. */
export type AppType = ReturnType<typeof createApp>;
