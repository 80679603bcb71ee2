import { z } from '@hono/zod-openapi';
import { type Problem, problem } from '@lakou/domain/shared';
import type { Context } from 'hono';
import { PROBLEM_CONTENT_TYPE, problemResponse } from '../http/problem.ts';

/**
 * A rule of the circular economy the request breaks: thrown inside a transaction (which then
 * rolls back, changing nothing) and answered as a problem document by `refusalResponse`.
 */
export class CircularRefusal extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string,
    readonly code?: string,
    readonly field?: string,
    /** Members the problem document carries besides code and errors (e.g. `stockGrams`). */
    readonly members: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The problem document's members after type, title, status and detail. */
  extra(): Partial<Problem> {
    return {
      ...(this.code ? { code: this.code } : {}),
      ...this.members,
      ...(this.field ? { errors: [{ field: this.field, message: this.message }] } : {}),
    } as Partial<Problem>;
  }
}

/** The problem response of a refusal. */
export function refusalResponse(c: Context, refusal: CircularRefusal): Response {
  return problemResponse(c, refusal.status, refusal.message, refusal.extra());
}

/** The 422 of a move out of a stock: the problem document with the stock that was left. */
export const stockProblem = problem
  .extend({
    stockGrams: z
      .number()
      .int()
      .optional()
      .describe('INSUFFICIENT_STOCK: the grams in stock when the move was refused.'),
  })
  .meta({ id: 'StockProblem' });

/** The OpenAPI description of a 422 that may be INSUFFICIENT_STOCK, for `responses` of a route. */
export function stockProblemContent(description: string) {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: stockProblem } } };
}
