import { z } from 'zod';

/** RFC 9457 problem document, with the per-field messages Lakou adds for bad input. */
export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z
      .string()
      .optional()
      .describe('A stable machine-readable code (e.g. INVALID_EMAIL_OR_PASSWORD).'),
    retryAfter: z.number().int().optional().describe('Seconds to wait before trying again (429).'),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe('One entry per invalid field; `field` is a dotted path.'),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problem>;

/** Turns zod issues into the `errors` list of a problem document. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Problem['errors'] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(corps)',
    message: issue.message,
  }));
}
