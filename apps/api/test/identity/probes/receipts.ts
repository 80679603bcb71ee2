import type { Probe } from '../probe-types.ts';

/** The receipts routes of the fund context, with who may use them (see policy-matrix.test.ts). */
export const RECEIPT_PROBES: Record<string, Probe> = {};
