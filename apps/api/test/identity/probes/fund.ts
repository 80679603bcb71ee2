import type { Probe } from '../probe-types.ts';

/** The fund routes of the fund context, with who may use them (see policy-matrix.test.ts). */
export const FUND_PROBES: Record<string, Probe> = {};
