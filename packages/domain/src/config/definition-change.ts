import type { CustomFieldSpec } from './custom-field.ts';
import { customValueSchema } from './custom-values.ts';

/** Whether a value fits a spec's type, bounds and options (required ignored). */
export function valueFits(spec: CustomFieldSpec, value: unknown): boolean {
  return customValueSchema({ ...spec, required: false }).safeParse(value).success;
}

const EXAMPLES = 3;

/**
 * Stored values that a changed spec (type, options, min, max) would no longer accept, with the
 * first few as examples. Absent values (undefined, null) are no values: they always fit.
 */
export function incompatibleValues(
  next: CustomFieldSpec,
  values: readonly unknown[],
): { count: number; examples: unknown[] } {
  const schema = customValueSchema({ ...next, required: false });
  let count = 0;
  const examples: unknown[] = [];
  for (const value of values) {
    if (value === undefined || value === null) continue;
    if (schema.safeParse(value).success) continue;
    count += 1;
    if (examples.length < EXAMPLES) examples.push(value);
  }
  return { count, examples };
}
