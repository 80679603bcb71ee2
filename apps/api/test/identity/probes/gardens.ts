import { anyId, type Fixtures, type Probe } from '../probe-types.ts';

/** Who reads the gardens (`circular.read`): the admin, the board and the centres' teams. */
const READERS = ['admin', 'manager', 'staff', 'board', 'admin read-only token'] as const;
/**
 * Writes need `circular.write` (or `centre.manage`) in the row's centre: a row that does not
 * exist belongs to no centre, so only the admin gets as far as the 404 or 422.
 */
const ADMIN = ['admin'] as const;
/** A Village Chinois subject: its manager and the admin (the staff works in Kourou). */
const VILLAGE_CHINOIS = ['admin', 'manager'] as const;

/** The shared gardens' routes, with who may use them (see policy-matrix.test.ts). */
export const GARDEN_PROBES: Record<string, Probe> = {
  'GET /api/gardens': { allowed: READERS },
  'GET /api/gardens/:id': { allowed: READERS, path: `/api/gardens/${anyId}` },
  // Opening a garden is the centre's manager's (centre.manage); the body is otherwise invalid.
  'POST /api/gardens': {
    allowed: VILLAGE_CHINOIS,
    body: (f: Fixtures) => ({ centreId: f.villageChinois, name: '' }),
  },
  'PATCH /api/gardens/:id': {
    allowed: ADMIN,
    path: `/api/gardens/${anyId}`,
    body: { name: 'Jardin inconnu' },
  },
  'GET /api/plots': { allowed: READERS, path: `/api/plots?gardenId=${anyId}` },
  'POST /api/plots': { allowed: ADMIN, body: { gardenId: anyId, label: '' } },
  'PATCH /api/plots/:id': { allowed: ADMIN, path: `/api/plots/${anyId}`, body: { label: 'Z9' } },
  'DELETE /api/plots/:id': { allowed: ADMIN, path: `/api/plots/${anyId}` },
  'GET /api/gardeners': { allowed: READERS },
  // Recording a gardener of Village Chinois: its team (the manager) and the admin.
  'POST /api/gardeners': {
    allowed: VILLAGE_CHINOIS,
    body: (f: Fixtures) => ({ centreId: f.villageChinois, name: '' }),
  },
  'PATCH /api/gardeners/:id': {
    allowed: ADMIN,
    path: `/api/gardeners/${anyId}`,
    body: { name: 'Nom Inconnu' },
  },
  'GET /api/plot-assignments': { allowed: READERS },
  'POST /api/plot-assignments': { allowed: ADMIN, body: { plotId: anyId } },
  'POST /api/plot-assignments/:id/end': {
    allowed: ADMIN,
    path: `/api/plot-assignments/${anyId}/end`,
    body: { endsOn: 'demain' },
  },
  'GET /api/garden-waiting-list': {
    allowed: READERS,
    path: `/api/garden-waiting-list?gardenId=${anyId}`,
  },
  'POST /api/garden-waiting-list': { allowed: ADMIN, body: { gardenId: anyId } },
  'DELETE /api/garden-waiting-list/:id': {
    allowed: ADMIN,
    path: `/api/garden-waiting-list/${anyId}`,
  },
  'GET /api/harvests': { allowed: READERS },
  'POST /api/harvests': { allowed: ADMIN, body: { gardenId: anyId } },
  'DELETE /api/harvests/:id': { allowed: ADMIN, path: `/api/harvests/${anyId}` },
  'GET /api/compost-batches': { allowed: READERS },
  'POST /api/compost-batches': { allowed: ADMIN, body: { gardenId: anyId } },
  'PATCH /api/compost-batches/:id': {
    allowed: ADMIN,
    path: `/api/compost-batches/${anyId}`,
    body: { readyOn: 'hier' },
  },
  'DELETE /api/compost-batches/:id': { allowed: ADMIN, path: `/api/compost-batches/${anyId}` },
};
