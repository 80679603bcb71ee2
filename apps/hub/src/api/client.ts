import type { AppType } from '@lakou/api/app';
import type { Problem } from '@lakou/domain/shared';
import { type ClientResponse, hc } from 'hono/client';
import { ApiError } from './api-error.ts';

/**
 * The one typed client of the Lakou API. The hub is served by the API on the same origin in
 * production, and Vite proxies `/api` in development, so the base is always this origin.
 */
// Pure: modules that import just `ApiError` or `unwrap` (the first load's) leave the client out.
export const api = /* @__PURE__ */ hc<AppType>(
  typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
);

export { ApiError, type ApiErrorExtras } from './api-error.ts';

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

async function problemOf(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
  };
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? body : fallback;
  } catch {
    // A proxy or gateway error page is not JSON: keep the status, which is what the UI needs.
    return fallback;
  }
}

/** The body type of the successful (2xx) responses of an endpoint. */
type SuccessBody<R> =
  R extends ClientResponse<infer T, number, 'json'> ? (R['ok'] extends true ? T : never) : never;

/**
 * Awaits a typed client call and returns its JSON body, or throws an `ApiError` with the
 * problem document for any non-2xx status.
 */
export async function unwrap<R extends ClientResponse<unknown, number, 'json' | 'text'>>(
  request: Promise<R>,
): Promise<SuccessBody<R>> {
  const response = await request;
  if (!response.ok) throw new ApiError(await problemOf(response as unknown as Response));
  return (await response.json()) as SuccessBody<R>;
}
