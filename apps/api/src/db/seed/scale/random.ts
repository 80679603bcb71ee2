import { sql } from 'drizzle-orm';
import type { Db } from '../../client.ts';

/** mulberry32: small, fast and deterministic — the same seed gives the same data everywhere. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (p: number) => next() < p;
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += ((next() * 16) | 0).toString(16);
    return s;
  };
  /** A version-4-shaped UUID drawn from the generator (deterministic, unlike randomUUID). */
  const uuid = () =>
    `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[(next() * 4) | 0]}${hex(3)}-${hex(12)}`;
  return { next, int, pick, chance, uuid };
}
export type Rng = ReturnType<typeof rng>;

/** A generator of its own per context and centre, so one context's draws never shift another's. */
export function rngFor(seed: number, ...parts: (string | number)[]): Rng {
  let h = 2166136261 ^ seed;
  for (const ch of parts.join('/')) {
    h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  }
  return rng(h >>> 0);
}

/** Progress per table: rows written and rows per second, printed as the batches go. */
export class Progress {
  readonly counts = new Map<string, number>();
  readonly started = performance.now();
  constructor(private readonly log: (line: string) => void = () => {}) {}
  add(table: string, rows: number) {
    this.counts.set(table, (this.counts.get(table) ?? 0) + rows);
  }
  report(label: string) {
    const seconds = (performance.now() - this.started) / 1000;
    const total = this.total();
    this.log(
      `  ${label} — ${total.toLocaleString('fr-FR')} lignes en ${seconds.toFixed(1)} s (${Math.round(total / Math.max(seconds, 0.001)).toLocaleString('fr-FR')} lignes/s)`,
    );
  }
  total() {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
}

export type Column = readonly [name: string, type: string];

/** Writes run one after the other on a queue; writers that share one keep their order. */
export class WriteQueue {
  pending: Promise<void> = Promise.resolve();
  queued = 0;
  run(task: () => Promise<void>) {
    this.queued++;
    this.pending = this.pending.then(task).finally(() => {
      this.queued--;
    });
    // Surface a failure at the next await, not as an unhandled rejection.
    this.pending.catch(() => {});
  }
}

/**
 * Buffers rows of one table and writes them in multi-row statements of `batchSize` rows: the
 * batch travels as one JSON document read by `json_to_recordset` (one bound parameter, which
 * PGlite and PostgreSQL both take fast). Rows are arrays in the order of `columns`. The write
 * runs while the next batch is being generated. A writer flushes its `parents` (the tables its
 * rows point to) first, on the same queue, so a foreign key always finds its row.
 */
export class BatchWriter {
  private rows: unknown[][] = [];
  private readonly names: string;
  readonly queue: WriteQueue;
  private readonly parents: BatchWriter[];
  private readonly batchSize: number;
  constructor(
    private readonly db: Db,
    readonly table: string,
    private readonly columns: readonly Column[],
    private readonly progress: Progress,
    options: { queue?: WriteQueue; parents?: BatchWriter[]; batchSize?: number } = {},
  ) {
    this.names = columns.map(([c]) => c).join(', ');
    this.parents = options.parents ?? [];
    this.queue = options.queue ?? this.parents[0]?.queue ?? new WriteQueue();
    this.batchSize = options.batchSize ?? 10_000;
  }

  push(row: unknown[]) {
    this.rows.push(row);
    if (this.rows.length >= this.batchSize) this.flush();
  }

  /** Queues the buffered rows (after the parents' buffered rows). */
  flush() {
    for (const p of this.parents) p.flush();
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    this.queue.run(() => this.write(rows));
  }

  async done() {
    this.flush();
    await this.queue.pending;
  }

  /** Back-pressure: waits while more than one batch is queued behind the write in flight. */
  async drainIfFull() {
    if (this.queue.queued > 1) await this.queue.pending;
  }

  private async write(rows: unknown[][]) {
    // Objects keyed by column: json_to_recordset matches keys to the column definition list.
    const names = this.columns.map(([c]) => c);
    const objects = rows.map((r) => {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) o[names[i] as string] = r[i];
      return o;
    });
    const select = this.columns.map(([c, t]) => (t.endsWith('[]') ? `${c}::${t}` : c)).join(', ');
    const defs = this.columns.map(([c, t]) => `${c} ${t.endsWith('[]') ? 'text' : t}`).join(', ');
    await this.db.execute(
      sql`insert into ${sql.raw(this.table)} (${sql.raw(this.names)}) select ${sql.raw(select)} from json_to_recordset(${JSON.stringify(objects)}::json) as x(${sql.raw(defs)})`,
    );
    this.progress.add(this.table, rows.length);
  }
}

/** A Postgres array literal of plain words (basic needs, amenities): `{food,housing}`. */
export const pgArray = (items: readonly string[]) => `{${items.join(',')}}`;

/** Days from `from` (included) to `to` (excluded), as ISO dates with their ISO weekday. */
export function* days(from: string, to: string): Generator<{ date: string; weekday: number }> {
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t < end; t += 86_400_000) {
    const d = new Date(t);
    yield { date: d.toISOString().slice(0, 10), weekday: ((d.getUTCDay() + 6) % 7) + 1 };
  }
}

/** A moment of a local date in a fixed-offset zone (Guyane is UTC−3 all year), as ISO UTC. */
export const at = (date: string, minutes: number, offsetMinutes = -180) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + (minutes - offsetMinutes) * 60_000).toISOString();
