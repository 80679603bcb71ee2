import type { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import type { Auth } from '../identity/auth.ts';
import { AUTH_BASE_PATH } from '../identity/auth-messages.ts';
import { declarePolicy, PUBLIC } from './policy.ts';
import type { ApiEnv } from './router.ts';

export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';

declarePolicy('GET', OPENAPI_PATH, PUBLIC);
declarePolicy('GET', DOCS_PATH, PUBLIC);

type Paths = Record<string, Record<string, Record<string, unknown>>>;
type Generated = { paths?: Paths; components?: { schemas?: Record<string, unknown> } };

/**
 * The auth library describes its own routes; they join ours under /api/auth, tagged
 * « Authentification », with its schemas renamed `Auth…` so they never clash with ours.
 */
async function authDocument(
  auth: Auth,
): Promise<{ paths: Paths; schemas: Record<string, unknown> }> {
  const raw = JSON.stringify(await auth.api.generateOpenAPISchema());
  const generated = JSON.parse(
    raw.replace(/"#\/components\/schemas\/(\w+)"/g, '"#/components/schemas/Auth$1"'),
  ) as Generated;
  const schemas = Object.fromEntries(
    Object.entries(generated.components?.schemas ?? {}).map(([name, schema]) => [
      `Auth${name}`,
      schema,
    ]),
  );
  const paths: Paths = {};
  for (const [path, operations] of Object.entries(generated.paths ?? {})) {
    const tagged: Record<string, Record<string, unknown>> = {};
    for (const [method, operation] of Object.entries(operations)) {
      tagged[method] = { ...operation, tags: ['Authentification'], 'x-lakou-policy': 'public' };
    }
    paths[`${AUTH_BASE_PATH}${path}`] = tagged;
  }
  return { paths, schemas };
}

/** Serves the OpenAPI 3.1 document generated from the routes' zod schemas, and its reference UI. */
export function mountApiDocs(app: OpenAPIHono<ApiEnv>, auth: Auth) {
  let document: Promise<unknown> | undefined;
  app.get(OPENAPI_PATH, async (c) => {
    document ??= authDocument(auth).then((extra) => {
      const base = app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Lakou API',
          version: '0.1.0',
          description:
            'API of Lakou, the operations hub for networks of tiers-lieux. Errors are RFC 9457 problem documents (`application/problem+json`) with per-field messages. Authenticate with the session cookie set by `/api/auth/sign-in/email`, or with a personal access token: `Authorization: Bearer lk_…`. Each operation names the permission it needs in `x-lakou-policy`.',
          license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
        },
        servers: [{ url: '/' }],
      });
      return {
        ...base,
        paths: { ...base.paths, ...extra.paths },
        components: {
          ...base.components,
          schemas: { ...base.components?.schemas, ...extra.schemas },
        },
      };
    });
    return c.json(await document);
  });
  app.get(DOCS_PATH, Scalar({ url: OPENAPI_PATH, pageTitle: 'Lakou — référence de l’API' }));
}
