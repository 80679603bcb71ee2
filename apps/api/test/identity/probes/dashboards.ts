import { anyId, type Probe } from '../probe-types.ts';

/** Who reads reports (`report.read`), and so sees their own dashboards and the board's. */
const READERS = ['admin', 'manager', 'board', 'admin read-only token'] as const;
/**
 * `dashboard.manage`: report readers arrange their own (a dashboard that does not exist, or that
 * they may not see, is judged as none: they get as far as the 400 or the 404); not a read-only token.
 */
const ARRANGERS = ['admin', 'manager', 'board'] as const;

/** The composable dashboards' routes, with who may use them (see policy-matrix.test.ts). */
export const DASHBOARD_PROBES: Record<string, Probe> = {
  'GET /api/dashboards': { allowed: READERS },
  'GET /api/dashboards/:id': { allowed: READERS, path: `/api/dashboards/${anyId}` },
  'POST /api/dashboards': { allowed: ARRANGERS, body: { name: '' } },
  'PATCH /api/dashboards/:id': {
    allowed: ARRANGERS,
    path: `/api/dashboards/${anyId}`,
    body: { version: 1, name: 'Tableau inconnu' },
  },
  'DELETE /api/dashboards/:id': { allowed: ARRANGERS, path: `/api/dashboards/${anyId}` },
};
