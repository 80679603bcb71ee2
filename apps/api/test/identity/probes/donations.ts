import { anyId, type Fixtures, type Probe } from '../probe-types.ts';

/** Who reads the fund: the admin, the board and the managers (read-only token included). */
const FUND_READERS = ['admin', 'manager', 'board', 'admin read-only token'] as const;
/** Who records donors and gifts: the admin and the managers. */
const RECORDERS = ['admin', 'manager'] as const;

/** The donations routes of the fund context, with who may use them (see policy-matrix.test.ts). */
export const DONATION_PROBES: Record<string, Probe> = {
  'GET /api/donors': { allowed: FUND_READERS },
  'GET /api/donors/:id': { allowed: FUND_READERS, path: `/api/donors/${anyId}` },
  'POST /api/donors': { allowed: RECORDERS, body: { kind: 'individual', name: '' } },
  'PATCH /api/donors/:id': {
    allowed: RECORDERS,
    path: `/api/donors/${anyId}`,
    body: { name: 'Nom Inconnu' },
  },
  'GET /api/donors/:id/export': { allowed: RECORDERS, path: `/api/donors/${anyId}/export` },
  // Erasure is the treasurer's (fund.write): the admin only.
  'POST /api/donors/:id/erase': {
    allowed: ['admin'],
    path: `/api/donors/${anyId}/erase`,
    body: { confirm: true },
  },
  'GET /api/donations': { allowed: FUND_READERS },
  'GET /api/donations/:id': { allowed: FUND_READERS, path: `/api/donations/${anyId}` },
  // An in-kind gift received by Village Chinois, the demo manager's centre (body otherwise invalid).
  'POST /api/donations': {
    allowed: RECORDERS,
    body: (f: Fixtures) => ({ kind: 'in_kind', centreId: f.villageChinois }),
  },
  // An unknown gift has no centre: whoever records gifts gets as far as the 404.
  'PATCH /api/donations/:id': {
    allowed: RECORDERS,
    path: `/api/donations/${anyId}`,
    body: { custom: {} },
  },
  'POST /api/donations/import': {
    allowed: RECORDERS,
    body: { csv: 'date;montant;donateur\n', dryRun: true },
  },
};
