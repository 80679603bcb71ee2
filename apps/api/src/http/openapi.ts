import type { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import type { ApiEnv } from './router.ts';

export const OPENAPI_PATH = '/api/openapi.json';

/** Serves the OpenAPI 3.1 document generated from the routes' zod schemas, and its reference UI. */
export function mountApiDocs(app: OpenAPIHono<ApiEnv>) {
  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'Lakou API',
      version: '0.1.0',
      description:
        'API of Lakou, the operations hub for networks of tiers-lieux. Errors are RFC 9457 problem documents (`application/problem+json`) with per-field messages.',
      license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
    },
    servers: [{ url: '/' }],
  });
  app.get('/api/docs', Scalar({ url: OPENAPI_PATH, pageTitle: 'Lakou — référence de l’API' }));
}
