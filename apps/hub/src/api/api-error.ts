import type { Problem } from '@lakou/domain/shared';

/** Extra facts some answers carry beside the problem document. */
export interface ApiErrorExtras {
  /** A machine-readable code (the auth library answers `{ code, message }`). */
  code?: string | undefined;
  /** Seconds to wait, from a 429's `Retry-After` header. */
  retryAfterSeconds?: number | undefined;
}

/** A non-2xx answer of the API, carrying its RFC 9457 problem document. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly code: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(problem: Problem, extras: ApiErrorExtras = {}) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.code = extras.code;
    this.retryAfterSeconds = extras.retryAfterSeconds;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}
