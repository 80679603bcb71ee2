import type { Probe, Who } from '../probe-types.ts';

/**
 * `report.read`: the admin (and their read-only token), the board, the managers (their centres).
 * The fund report also asks `fund.read`, which all of them hold. Without dates both routes
 * answer 400 to those allowed; the others never get past the policy.
 */
const REPORT_READERS: Who[] = ['admin', 'manager', 'board', 'admin read-only token'];

/** The reports and the board pack (see policy-matrix.test.ts). */
export const REPORT_PROBES: Record<string, Probe> = {
  'GET /api/reports/:name': { allowed: REPORT_READERS, path: '/api/reports/fund' },
  'GET /api/reports/board-pack.pdf': { allowed: REPORT_READERS },
};
