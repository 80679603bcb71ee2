import { anyId, type Probe, type Who } from '../probe-types.ts';

/** fund.read: the admin (and their read-only token), the board, any manager. */
const FUND_READERS: Who[] = ['admin', 'manager', 'board', 'admin read-only token'];
/** donation.write: the admin and the managers, who issue receipts for the gifts they take. */
const RECEIPT_WRITERS: Who[] = ['admin', 'manager'];

/** The receipts routes of the fund context, with who may use them (see policy-matrix.test.ts). */
export const RECEIPT_PROBES: Record<string, Probe> = {
  'GET /api/receipts': { allowed: FUND_READERS },
  'GET /api/receipts/:id': { allowed: FUND_READERS, path: `/api/receipts/${anyId}` },
  'GET /api/receipts/:id/pdf': { allowed: FUND_READERS, path: `/api/receipts/${anyId}/pdf` },
  // Bodies that fail validation: those allowed get a 400, the others never get that far.
  'POST /api/receipts': { allowed: RECEIPT_WRITERS, body: { kind: 'single' } },
  'POST /api/receipts/:id/cancel': {
    allowed: RECEIPT_WRITERS,
    path: `/api/receipts/${anyId}/cancel`,
    body: { reason: '' },
  },
  // The fund's identity: read with the fund, written by the admin (the fund's treasurer) only.
  'GET /api/fund/identity': { allowed: FUND_READERS },
  'PUT /api/fund/identity': { allowed: ['admin'], body: { name: '' } },
};
