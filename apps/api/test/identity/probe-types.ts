import { randomUUID } from 'node:crypto';

/** Who asks: anonymous, each demo role, and the admin through a read-only token. */
export const WHO = [
  'anonymous',
  'admin',
  'manager',
  'staff',
  'facilitator',
  'board',
  'admin read-only token',
] as const;
export type Who = (typeof WHO)[number];
export const SIGNED_IN: Who[] = [
  'admin',
  'manager',
  'staff',
  'facilitator',
  'board',
  'admin read-only token',
];
export const EVERYONE: Who[] = [...WHO];

export const EMAIL: Record<Exclude<Who, 'anonymous' | 'admin read-only token'>, string> = {
  admin: 'admin@lakou.test',
  manager: 'gestion@lakou.test',
  staff: 'accueil.kourou@lakou.test',
  facilitator: 'facilitation@lakou.test',
  board: 'ca@lakou.test',
};

/** Rows the probes point at, created before the matrix runs. */
export interface Fixtures {
  /** Cayenne Village Chinois: the demo manager's and facilitator's centre, not the staff's. */
  villageChinois: string;
  /** A room in Village Chinois. */
  room: string;
  /** A restorative circle case opened by the demo facilitator. */
  circleCase: string;
}
export type Dynamic<T> = T | ((f: Fixtures) => T);

export interface Probe {
  /** Who may use the route — written by hand from the rules, not derived from `can`. */
  allowed: readonly Who[];
  path?: Dynamic<string>;
  body?: Dynamic<unknown>;
  /** Confidential: the signed-in who may not use it are told 404, as for a row that does not exist. */
  hidden?: boolean;
}

/** An id that names no row. */
export const anyId = randomUUID();
