import { anyId, type Fixtures, type Probe } from '../probe-types.ts';

/** Who reads the circular economy: the admin, the board and the centres' teams (read-only token included). */
const READERS = ['admin', 'manager', 'staff', 'board', 'admin read-only token'] as const;
/** Who writes for Village Chinois: the admin and its manager (the staff works in Kourou). */
const VILLAGE_CHINOIS_TEAM = ['admin', 'manager'] as const;
/** Who records for some centre, so may add a facility: the admin and the centre teams. */
const SOME_CENTRE_TEAM = ['admin', 'manager', 'staff'] as const;

const atVillageChinois = (f: Fixtures) => ({ centreId: f.villageChinois });

/** The circular core's routes (streams, facilities, movements, stock), with who may use them. */
export const CIRCULAR_PROBES: Record<string, Probe> = {
  'GET /api/streams': { allowed: READERS },
  // The network's lists are the admin's.
  'POST /api/streams': { allowed: ['admin'], body: { code: '' } },
  'PATCH /api/streams/:id': {
    allowed: ['admin'],
    path: `/api/streams/${anyId}`,
    body: { name: '' },
  },
  'GET /api/waste-codes': { allowed: READERS },
  'GET /api/treatment-operations': { allowed: READERS },
  'GET /api/facilities': { allowed: READERS },
  'POST /api/facilities': { allowed: SOME_CENTRE_TEAM, body: { siret: '1' } },
  'PATCH /api/facilities/:id': {
    allowed: SOME_CENTRE_TEAM,
    path: `/api/facilities/${anyId}`,
    body: { siret: '1' },
  },
  'GET /api/inflows': { allowed: READERS },
  'POST /api/inflows': { allowed: VILLAGE_CHINOIS_TEAM, body: atVillageChinois },
  // An unknown movement belongs to no centre: only the admin gets as far as the 404.
  'DELETE /api/inflows/:id': { allowed: ['admin'], path: `/api/inflows/${anyId}` },
  'PATCH /api/inflows/:id': {
    allowed: ['admin'],
    path: `/api/inflows/${anyId}`,
    body: { custom: {} },
  },
  'GET /api/reuse': { allowed: READERS },
  'POST /api/reuse': { allowed: VILLAGE_CHINOIS_TEAM, body: atVillageChinois },
  'DELETE /api/reuse/:id': { allowed: ['admin'], path: `/api/reuse/${anyId}` },
  'GET /api/outflows': { allowed: READERS },
  'POST /api/outflows': { allowed: VILLAGE_CHINOIS_TEAM, body: atVillageChinois },
  'DELETE /api/outflows/:id': { allowed: ['admin'], path: `/api/outflows/${anyId}` },
  'GET /api/circular/stock': { allowed: READERS },
};
