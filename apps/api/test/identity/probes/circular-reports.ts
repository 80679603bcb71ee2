import type { Probe, Who } from '../probe-types.ts';

/** circular.read: the admin (and their read-only token), the board, any manager or staff. */
const CIRCULAR_READERS: Who[] = ['admin', 'manager', 'staff', 'board', 'admin read-only token'];

/**
 * The indicators and the waste register (see policy-matrix.test.ts). Without dates the register
 * answers 400 to those allowed; the others never get past the policy.
 */
export const CIRCULAR_REPORT_PROBES: Record<string, Probe> = {
  'GET /api/circular/indicators': { allowed: CIRCULAR_READERS },
  'GET /api/waste-register.csv': { allowed: CIRCULAR_READERS },
  'GET /api/waste-register.xlsx': { allowed: CIRCULAR_READERS },
};
