import { anyId, EVERYONE, type Fixtures, type Probe } from '../probe-types.ts';

/**
 * `config.manage`: the admin everywhere, a manager in their centres (a field that does not exist is
 * judged in a centre the manager runs, so they get as far as the 404); not a read-only token.
 */
const CONFIGURERS = ['admin', 'manager'] as const;

/** The custom fields' routes, and the events export that shows them (see policy-matrix.test.ts). */
export const CUSTOM_FIELD_PROBES: Record<string, Probe> = {
  'GET /api/custom-fields': { allowed: EVERYONE },
  'POST /api/custom-fields': {
    allowed: CONFIGURERS,
    body: (f: Fixtures) => ({ entity: 'event', centreId: f.villageChinois, key: '' }),
  },
  'PATCH /api/custom-fields/:id': {
    allowed: CONFIGURERS,
    path: `/api/custom-fields/${anyId}`,
    body: { version: 1, labelFr: 'Champ inconnu' },
  },
  'POST /api/custom-fields/:id/retire': {
    allowed: CONFIGURERS,
    path: `/api/custom-fields/${anyId}/retire`,
  },
  'POST /api/custom-fields/:id/restore': {
    allowed: CONFIGURERS,
    path: `/api/custom-fields/${anyId}/restore`,
  },
  'GET /api/custom-fields/:id/versions': {
    allowed: CONFIGURERS,
    path: `/api/custom-fields/${anyId}/versions`,
  },
  'PUT /api/custom-fields/order': {
    allowed: CONFIGURERS,
    body: (f: Fixtures) => ({ entity: 'event', centreId: f.villageChinois, ids: 'aucun' }),
  },
  // The people of a centre (and the admin's read-only token) export events; without dates, a 400.
  'GET /api/events/export.csv': {
    allowed: ['admin', 'manager', 'staff', 'facilitator', 'admin read-only token'],
  },
};
