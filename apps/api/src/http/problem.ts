import type { Hook } from '@hono/zod-openapi';
import { fieldErrors, type Problem, problem } from '@lakou/domain/shared';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Partial<Record<number, string>> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Accès refusé',
  404: 'Ressource introuvable',
  405: 'Méthode non autorisée',
  409: 'Conflit',
  413: 'Requête trop volumineuse',
  415: 'Type de contenu non pris en charge',
  422: 'Règle métier non respectée',
  500: 'Erreur interne',
  503: 'Service indisponible',
};

/** An RFC 9457 problem document response. */
export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  detail?: string,
  extra: Partial<Problem> = {},
): Response {
  const body: Problem = {
    type: 'about:blank',
    title: TITLES[status] ?? 'Erreur',
    status,
    ...(detail ? { detail } : {}),
    instance: new URL(c.req.url).pathname,
    ...extra,
  };
  return c.body(JSON.stringify(body), status, { 'Content-Type': PROBLEM_CONTENT_TYPE });
}

/** Turns zod validation failures of params, query or body into a 400 with per-field messages. */
// biome-ignore lint/suspicious/noExplicitAny: the hook serves routers of every context.
export const validationHook: Hook<unknown, any, string, unknown> = (result, c) => {
  if (!result.success) {
    return problemResponse(c, 400, 'Certaines valeurs envoyées sont invalides.', {
      type: 'urn:lakou:problem:validation',
      errors: fieldErrors(result.error.issues),
    });
  }
};

/**
 * PostgreSQL refuses text it cannot store (a NUL character, invalid UTF-8): SQLSTATE 22021 or
 * 22P05, found on the error or its causes (query builders and the auth library wrap it). That is
 * the client's input, not a fault of the server.
 */
function isUnstorableText(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (code === '22021' || code === '22P05') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Known client errors keep their status with a French message; anything else is a logged 500. */
export const onError: ErrorHandler = (error, c) => {
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    if (status === 400 && /json/i.test(error.message)) {
      return problemResponse(c, 400, 'Le corps de la requête n’est pas un JSON valide.', {
        type: 'urn:lakou:problem:malformed-json',
      });
    }
    if (status === 413) {
      return problemResponse(c, 413, 'Le corps de la requête dépasse la taille autorisée.');
    }
    return problemResponse(c, status, error.message || undefined);
  }
  if (isUnstorableText(error)) {
    return problemResponse(
      c,
      400,
      'Le texte envoyé contient un caractère interdit (caractère nul ou encodage invalide).',
    );
  }
  console.error(`[api] ${c.req.method} ${c.req.path}:`, error);
  return problemResponse(c, 500, 'Une erreur inattendue est survenue ; elle a été journalisée.');
};

export const onNotFound: NotFoundHandler = (c) =>
  problemResponse(c, 404, `Aucune ressource à l’adresse ${c.req.method} ${c.req.path}.`);

/** The OpenAPI description of a problem response, for `responses` of a route. */
export function problemContent(description: string) {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: problem } } };
}
