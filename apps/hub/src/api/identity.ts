import type {
  ApiToken,
  AuditEntry,
  Me,
  TokenInput,
  UserInvite,
  UserSummary,
  UserUpdate,
} from '@lakou/domain/identity';
import type { Page, Problem } from '@lakou/domain/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { ApiError } from './api-error.ts';

/*
 * The identity endpoints (session, users, tokens, audit). The auth routes under /api/auth are
 * served by better-auth, outside the typed Hono client, so these are plain typed `fetch` calls
 * on the same origin: the session cookie is HttpOnly and travels by itself.
 */

export type CreatedApiToken = ApiToken & { token: string };

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}

function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * Turns any error answer into an `ApiError`: an RFC 9457 problem document, better-auth's
 * `{ code, message }`, or a body that is not JSON at all (a proxy's error page).
 */
export async function errorOf(response: Response): Promise<ApiError> {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
  };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const extras = { retryAfterSeconds: retryAfter(response), code: undefined as string | undefined };
  if (!isRecord(body)) return new ApiError(fallback, extras);
  if (typeof body.code === 'string') extras.code = body.code;
  if (extras.retryAfterSeconds === undefined && typeof body.retryAfter === 'number') {
    extras.retryAfterSeconds = Math.ceil(body.retryAfter);
  }
  if (typeof body.title === 'string' && typeof body.status === 'number') {
    // Field errors are `{ field, message }`; accept `path` too.
    const errors = Array.isArray(body.errors)
      ? body.errors.filter(isRecord).map((e) => ({
          field: String(e.field ?? e.path ?? ''),
          message: String(e.message ?? ''),
        }))
      : undefined;
    return new ApiError({ ...(body as unknown as Problem), errors }, extras);
  }
  const message = typeof body.message === 'string' ? body.message : undefined;
  return new ApiError(
    { ...fallback, title: extras.code ?? fallback.title, detail: message },
    extras,
  );
}

/** A JSON request to the API on this origin; throws `ApiError` for any non-2xx answer. */
export async function requestJson<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json, application/problem+json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Query-string of the set filters only. */
export function searchString(params: Record<string, string | number | boolean | undefined>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

// ---------- session ----------

export const identityKeys = {
  me: ['me'] as const,
  users: ['users'] as const,
  userList: (filters: UserFilters) => ['users', 'list', filters] as const,
  user: (id: string) => ['users', 'detail', id] as const,
  tokens: ['tokens'] as const,
  audit: ['audit'] as const,
  auditList: (filters: AuditFilters) => ['audit', 'list', filters] as const,
};

/** The signed-in user, or `null` for a visitor (a 401 is an answer here, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await requestJson<Me>('GET', '/api/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const meQuery = () =>
  queryOptions({
    queryKey: identityKeys.me,
    queryFn: fetchMe,
    staleTime: 60_000,
  });

export interface SignInInput {
  email: string;
  password: string;
}

export const signIn = (input: SignInInput) =>
  requestJson<unknown>('POST', '/api/auth/sign-in/email', input);

export const signOut = () => requestJson<unknown>('POST', '/api/auth/sign-out', {});

/** Ends every session of this user, this browser's included. */
export const revokeSessions = () => requestJson<unknown>('POST', '/api/auth/revoke-sessions', {});

export const changePassword = (input: { currentPassword: string; newPassword: string }) =>
  requestJson<unknown>('POST', '/api/auth/change-password', {
    ...input,
    revokeOtherSessions: true,
  });

/** Always answers the same, whether or not the address has an account. */
export const requestPasswordReset = (email: string) =>
  requestJson<unknown>('POST', '/api/auth/request-password-reset', {
    email,
    redirectTo: '/reset-password',
  });

export const resetPassword = (input: { newPassword: string; token: string }) =>
  requestJson<unknown>('POST', '/api/auth/reset-password', input);

// ---------- users ----------

export interface UserFilters {
  q?: string | undefined;
  centreId?: string | undefined;
  active?: boolean | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export const usersQuery = (filters: UserFilters) =>
  queryOptions({
    queryKey: identityKeys.userList(filters),
    queryFn: () =>
      requestJson<Page<UserSummary>>('GET', `/api/users${searchString({ ...filters })}`),
    placeholderData: keepPreviousData,
  });

export const userQuery = (id: string) =>
  queryOptions({
    queryKey: identityKeys.user(id),
    queryFn: () => requestJson<UserSummary>('GET', `/api/users/${encodeURIComponent(id)}`),
  });

export const inviteUser = (input: UserInvite) =>
  requestJson<UserSummary>('POST', '/api/users', input);

export const updateUser = (id: string, input: UserUpdate) =>
  requestJson<UserSummary>('PATCH', `/api/users/${encodeURIComponent(id)}`, input);

/** Sends the invitation link again (a user who has never chosen a password). */
export const resendInvitation = (id: string) =>
  requestJson<{ queued: true }>('POST', `/api/users/${encodeURIComponent(id)}/invitation`, {});

// ---------- tokens ----------

export const tokensQuery = () =>
  queryOptions({
    queryKey: identityKeys.tokens,
    queryFn: () => requestJson<{ items: ApiToken[] }>('GET', '/api/tokens'),
  });

export const createToken = (input: TokenInput) =>
  requestJson<CreatedApiToken>('POST', '/api/tokens', input);

export const revokeToken = (id: string) =>
  requestJson<void>('DELETE', `/api/tokens/${encodeURIComponent(id)}`);

// ---------- audit ----------

export interface AuditFilters {
  actorId?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  /** ISO 8601 date-times with offset. */
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export const auditQuery = (filters: AuditFilters) =>
  queryOptions({
    queryKey: identityKeys.auditList(filters),
    queryFn: () =>
      requestJson<Page<AuditEntry>>('GET', `/api/audit${searchString({ ...filters })}`),
    placeholderData: keepPreviousData,
  });
