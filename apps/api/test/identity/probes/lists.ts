import { EVERYONE, type Probe } from '../probe-types.ts';

/** Editable lists are the network's: only the admin changes them (not through a read-only token). */
const ADMIN = ['admin'] as const;
const item = '/api/lists/event_kind/items/aucun-type';

/** The editable lists' routes, with who may use them (see policy-matrix.test.ts). */
export const LIST_PROBES: Record<string, Probe> = {
  // Labels are public like the event kinds (pickers, the public agenda); usage counts are not.
  'GET /api/lists': { allowed: EVERYONE },
  'GET /api/lists/:list': { allowed: EVERYONE, path: '/api/lists/event_kind' },
  'POST /api/lists/:list/items': {
    allowed: ADMIN,
    path: '/api/lists/event_kind/items',
    body: { key: '' },
  },
  'PATCH /api/lists/:list/items/:key': { allowed: ADMIN, path: item, body: { labelFr: 'Atelier' } },
  'POST /api/lists/:list/items/:key/retire': { allowed: ADMIN, path: `${item}/retire` },
  'POST /api/lists/:list/items/:key/restore': { allowed: ADMIN, path: `${item}/restore` },
  'POST /api/lists/:list/items/:key/merge': {
    allowed: ADMIN,
    path: `${item}/merge`,
    body: { into: 'atelier' },
  },
  'DELETE /api/lists/:list/items/:key': { allowed: ADMIN, path: item },
};
