import type { Problem } from '@lakou/domain/shared';
import type { Context } from 'hono';
import {
  CircularRefusal,
  refusalResponse as circularRefusal,
} from '../circular/circular.refusal.ts';
import { problemResponse } from '../http/problem.ts';

/**
 * A write of the gardens refused by a rule, thrown inside the transaction (which rolls back) and
 * answered as a problem document: the message in French, a stable code, the field it is about,
 * and any extra members (the conflicting assignment, the stock left…).
 */
export class GardenRefusal extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string,
    readonly code?: string,
    readonly field?: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * The problem document of a refusal (the gardens' own, or the circular stock's when compost takes
 * bio-waste); anything else is thrown on to the error handler.
 */
export function refusalResponse(c: Context, error: unknown): never {
  if (error instanceof CircularRefusal) return circularRefusal(c, error) as never;
  if (!(error instanceof GardenRefusal)) throw error;
  return problemResponse(c, error.status, error.message, {
    ...(error.code ? { code: error.code } : {}),
    ...(error.field ? { errors: [{ field: error.field, message: error.message }] } : {}),
    ...(error.details as Partial<Problem>),
  }) as never;
}
