import type { Probe } from '../probe-types.ts';

/** The donations routes of the fund context, with who may use them (see policy-matrix.test.ts). */
export const DONATION_PROBES: Record<string, Probe> = {};
