import { anyId, type Probe, type Who } from '../probe-types.ts';

/** fund.read: the network admin, the board and any manager (who take gifts at the centres' desks). */
const READERS: Who[] = ['admin', 'manager', 'board', 'admin read-only token'];
/** fund.write: the network admin only (the fund's treasurer), never through a read-only token. */
const WRITERS: Who[] = ['admin'];

/** The fund routes of the fund context, with who may use them (see policy-matrix.test.ts). */
export const FUND_PROBES: Record<string, Probe> = {
  // Sub-funds and their balances.
  'GET /api/funds': { allowed: READERS },
  'GET /api/funds/:id': { allowed: READERS, path: `/api/funds/${anyId}` },
  'POST /api/funds': { allowed: WRITERS, body: { code: '' } },
  // The ledger and its corrections.
  'GET /api/ledger': { allowed: READERS },
  'POST /api/ledger/:id/corrections': {
    allowed: WRITERS,
    path: `/api/ledger/${anyId}/corrections`,
    body: { reason: '' },
  },
  // Grants.
  'GET /api/grants': { allowed: READERS },
  'GET /api/grants/deadlines': { allowed: READERS },
  'GET /api/grants/:id': { allowed: READERS, path: `/api/grants/${anyId}` },
  'POST /api/grants': { allowed: WRITERS, body: { project: '' } },
  'PATCH /api/grants/:id': {
    allowed: WRITERS,
    path: `/api/grants/${anyId}`,
    body: { project: '' },
  },
  'POST /api/grants/:id/moves': {
    allowed: WRITERS,
    path: `/api/grants/${anyId}/moves`,
    body: { to: 'nulle-part' },
  },
  'POST /api/grants/:id/instalments': {
    allowed: WRITERS,
    path: `/api/grants/${anyId}/instalments`,
    body: { amountCents: -1 },
  },
  'POST /api/grants/:id/instalments/:instalmentId/received': {
    allowed: WRITERS,
    path: `/api/grants/${anyId}/instalments/${anyId}/received`,
    body: { receivedOn: 'hier' },
  },
  // Disbursements.
  'GET /api/disbursements': { allowed: READERS },
  'GET /api/disbursements/:id': { allowed: READERS, path: `/api/disbursements/${anyId}` },
  'POST /api/disbursements': { allowed: WRITERS, body: { kind: 'rien' } },
};
