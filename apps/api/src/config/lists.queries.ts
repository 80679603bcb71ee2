import {
  DEFAULT_LIST_ITEMS,
  type EditableList,
  isSystemItem,
  type ListItem,
  NOT_RETIRABLE,
} from '@lakou/domain/config/lists';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, organisationId } from '../circular/circular.queries.ts';
import { rowsOf } from '../circular/reports.sql.ts';

/** An item as stored, whichever table holds it. */
export interface StoredItem {
  id: string;
  key: string;
  labelFr: string;
  labelEn: string;
  position: number;
  retired: boolean;
  mergedInto: string | null;
  data: Record<string, unknown>;
}

interface Store {
  table: string;
  key: string;
  labelFr: string;
  position: string;
  retired: string;
  data: string;
  /** `set` clauses that retire / restore an item. */
  retire: string;
  restore: string;
  /** Highest position a list accepts. */
  maxPosition: number;
}

/**
 * Event kinds and material streams keep their own tables (other code reads them); the other
 * lists live in `list_items`. Column names come from this table only, never from a request.
 */
const ITEMS: Store = {
  table: 'list_items',
  key: 'key',
  labelFr: 'label_fr',
  position: 'position',
  retired: 'retired_at is not null',
  data: 'data',
  retire: 'retired_at = now(), updated_at = now()',
  restore: 'retired_at = null, updated_at = now()',
  maxPosition: 10_000,
};
const STORES: Record<EditableList, Store> = {
  resource_kind: ITEMS,
  donation_category: ITEMS,
  audience: ITEMS,
  tariff: ITEMS,
  event_kind: {
    table: 'event_kinds',
    key: 'key',
    labelFr: 'label',
    position: 'position',
    retired: 'not active',
    data: `'{}'::jsonb`,
    retire: 'active = false',
    restore: 'active = true',
    maxPosition: 10_000,
  },
  material_stream: {
    table: 'material_streams',
    key: 'code',
    labelFr: 'name',
    position: 'sort_order',
    retired: 'not active',
    data: `jsonb_build_object('family', family, 'repStream', rep_stream, 'wasteCode', waste_code)`,
    retire: 'active = false',
    restore: 'active = true',
    maxPosition: 999,
  },
};

export const maxPosition = (list: EditableList) => STORES[list].maxPosition;

function scope(list: EditableList, org: string): SQL {
  return STORES[list] === ITEMS
    ? sql`organisation_id = ${org} and list = ${list}`
    : sql`organisation_id = ${org}`;
}

function columns(list: EditableList): SQL {
  const s = STORES[list];
  return sql.raw(
    `id, ${s.key} as "key", ${s.labelFr} as "labelFr", label_en as "labelEn", ${s.position} as "position", (${s.retired}) as "retired", merged_into as "mergedInto", ${s.data} as "data"`,
  );
}

/** The items of a list, by position then label. */
export async function loadItems(
  db: Executor,
  org: string,
  list: EditableList,
): Promise<StoredItem[]> {
  const s = STORES[list];
  return rowsOf<StoredItem>(
    db,
    sql`select ${columns(list)} from ${sql.raw(s.table)} where ${scope(list, org)}
        order by ${sql.raw(s.position)}, ${sql.raw(s.labelFr)}`,
  );
}

/** One item, locked for the rest of the transaction when `lock` says so. */
export async function findItem(
  db: Executor,
  org: string,
  list: EditableList,
  key: string,
  lock?: 'update' | 'share',
): Promise<StoredItem | undefined> {
  const s = STORES[list];
  const [row] = await rowsOf<StoredItem>(
    db,
    sql`select ${columns(list)} from ${sql.raw(s.table)}
        where ${scope(list, org)} and ${sql.raw(s.key)} = ${key}
        ${lock ? sql.raw(`for ${lock}`) : sql``}`,
  );
  return row;
}

/** How many rows use each item of a list. */
export async function usageCounts(
  db: Executor,
  org: string,
  list: EditableList,
): Promise<Map<string, number>> {
  const query = USAGE[list]?.(org);
  if (!query) return new Map();
  const rows = await rowsOf<{ key: string; n: number | string }>(db, query);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.key, (counts.get(r.key) ?? 0) + Number(r.n));
  return counts;
}

const inOrg = (org: string) => sql`(select id from centres where organisation_id = ${org})`;

const USAGE: Partial<Record<EditableList, (org: string) => SQL>> = {
  resource_kind: (org) =>
    sql`select kind as "key", count(*) as n from resources where centre_id in ${inOrg(org)} group by kind`,
  event_kind: (org) =>
    sql`select k.key as "key", count(e.id) as n from event_kinds k join events e on e.kind_id = k.id
        where k.organisation_id = ${org} group by k.key`,
  donation_category: (org) =>
    sql`select category as "key", count(*) as n from donations
        where organisation_id = ${org} and category is not null group by category`,
  audience: (org) =>
    sql`select audience as "key", count(*) as n from bookings where centre_id in ${inOrg(org)} group by audience
        union all
        select audience as "key", count(*) as n from booking_series where centre_id in ${inOrg(org)} group by audience`,
  material_stream: (org) =>
    sql`select s.code as "key",
          (select count(*) from circular_inflows m where m.stream_id = s.id)
          + (select count(*) from circular_reuses m where m.stream_id = s.id)
          + (select count(*) from circular_outflows m where m.stream_id = s.id)
          + (select count(*) from compost_batches m where m.stream_id = s.id)
          + (select count(*) from stream_stocks m where m.stream_id = s.id and m.stock_grams <> 0) as n
        from material_streams s where s.organisation_id = ${org}`,
};

export function toListItem(list: EditableList, row: StoredItem, usage: number | null): ListItem {
  return {
    key: row.key,
    labelFr: row.labelFr,
    labelEn: row.labelEn,
    position: Number(row.position),
    system: isSystemItem(list, row.key),
    retirable: !NOT_RETIRABLE[list].includes(row.key),
    retired: Boolean(row.retired),
    mergedInto: row.mergedInto,
    data: row.data ?? {},
    usage,
  };
}

export async function insertItem(
  db: Executor,
  org: string,
  list: EditableList,
  item: {
    key: string;
    labelFr: string;
    labelEn: string;
    position: number;
    data: Record<string, unknown>;
  },
): Promise<void> {
  if (list === 'event_kind') {
    await db.execute(sql`insert into event_kinds (organisation_id, key, label, label_en, position)
      values (${org}, ${item.key}, ${item.labelFr}, ${item.labelEn}, ${item.position})`);
  } else if (list === 'material_stream') {
    const d = item.data as { family: string; repStream: string | null; wasteCode: string | null };
    await db.execute(sql`insert into material_streams
      (organisation_id, code, name, label_en, family, rep_stream, waste_code, sort_order)
      values (${org}, ${item.key}, ${item.labelFr}, ${item.labelEn}, ${d.family}, ${d.repStream},
        ${d.wasteCode}, ${Math.min(item.position, 999)})`);
  } else {
    await db.execute(sql`insert into list_items (organisation_id, list, key, label_fr, label_en, position, data)
      values (${org}, ${list}, ${item.key}, ${item.labelFr}, ${item.labelEn}, ${item.position},
        ${JSON.stringify(item.data)}::jsonb)`);
  }
}

export async function updateItem(
  db: Executor,
  org: string,
  list: EditableList,
  key: string,
  patch: { labelFr?: string; labelEn?: string; position?: number; data?: Record<string, unknown> },
): Promise<void> {
  const s = STORES[list];
  const sets: SQL[] = [];
  if (patch.labelFr !== undefined) sets.push(sql`${sql.raw(s.labelFr)} = ${patch.labelFr}`);
  if (patch.labelEn !== undefined) sets.push(sql`label_en = ${patch.labelEn}`);
  if (patch.position !== undefined) {
    sets.push(sql`${sql.raw(s.position)} = ${Math.min(patch.position, s.maxPosition)}`);
  }
  if (patch.data !== undefined) {
    if (s === ITEMS) sets.push(sql`data = ${JSON.stringify(patch.data)}::jsonb`);
    else if (list === 'material_stream') {
      const d = patch.data as {
        family: string;
        repStream: string | null;
        wasteCode: string | null;
      };
      sets.push(
        sql`family = ${d.family}, rep_stream = ${d.repStream}, waste_code = ${d.wasteCode}`,
      );
    }
  }
  if (s === ITEMS) sets.push(sql`updated_at = now()`);
  if (sets.length === 0) return;
  await db.execute(
    sql`update ${sql.raw(s.table)} set ${sql.join(sets, sql`, `)}
        where ${scope(list, org)} and ${sql.raw(s.key)} = ${key}`,
  );
}

export async function setRetired(
  db: Executor,
  org: string,
  list: EditableList,
  key: string,
  retired: boolean,
  mergedInto: string | null = null,
): Promise<void> {
  const s = STORES[list];
  await db.execute(
    sql`update ${sql.raw(s.table)} set ${sql.raw(retired ? s.retire : s.restore)}, merged_into = ${mergedInto}
        where ${scope(list, org)} and ${sql.raw(s.key)} = ${key}`,
  );
}

export async function deleteItem(
  db: Executor,
  org: string,
  list: EditableList,
  key: string,
): Promise<void> {
  const s = STORES[list];
  await db.execute(
    sql`delete from ${sql.raw(s.table)} where ${scope(list, org)} and ${sql.raw(s.key)} = ${key}`,
  );
}

/** Rows affected by an `update`/`insert` on either driver. */
async function changed(db: Executor, query: SQL): Promise<number> {
  const result = (await db.execute(query)) as unknown as {
    rowCount?: number | null;
    affectedRows?: number;
    count?: number;
  };
  return Number(result.rowCount ?? result.affectedRows ?? result.count ?? 0);
}

/**
 * Moves every row of `from` to `into` (one transaction with the caller's retirement of `from`).
 * Material streams: movements, compost batches and gifts' stream move, and each centre's stock
 * of `from` is added to its stock of `into` (stock rows locked first, as movements lock them).
 */
export async function repoint(
  db: Executor,
  org: string,
  list: EditableList,
  from: StoredItem,
  into: StoredItem,
): Promise<number> {
  switch (list) {
    case 'resource_kind':
      return changed(
        db,
        sql`update resources set kind = ${into.key}, updated_at = now()
            where kind = ${from.key} and centre_id in ${inOrg(org)}`,
      );
    case 'event_kind':
      return changed(db, sql`update events set kind_id = ${into.id} where kind_id = ${from.id}`);
    case 'donation_category':
      return changed(
        db,
        sql`update donations set category = ${into.key}
            where organisation_id = ${org} and category = ${from.key}`,
      );
    case 'material_stream': {
      await db.execute(
        sql`select 1 from stream_stocks where stream_id in (${from.id}, ${into.id}) for update`,
      );
      let moved = 0;
      for (const table of [
        'circular_inflows',
        'circular_reuses',
        'circular_outflows',
        'compost_batches',
      ]) {
        moved += await changed(
          db,
          sql`update ${sql.raw(table)} set stream_id = ${into.id} where stream_id = ${from.id}`,
        );
      }
      await db.execute(
        sql`update donations set circular_stream = ${into.key}
            where organisation_id = ${org} and circular_stream = ${from.key}`,
      );
      await db.execute(
        sql`insert into stream_stocks (centre_id, stream_id, stock_grams, last_movement_on)
            select centre_id, ${into.id}, stock_grams, last_movement_on from stream_stocks
            where stream_id = ${from.id}
            on conflict (centre_id, stream_id) do update
            set stock_grams = stream_stocks.stock_grams + excluded.stock_grams,
                last_movement_on = greatest(stream_stocks.last_movement_on, excluded.last_movement_on)`,
      );
      await db.execute(sql`delete from stream_stocks where stream_id = ${from.id}`);
      return moved;
    }
    default:
      return 0;
  }
}

/**
 * Whether `key` may be given to a row now: an active item of the list (locked FOR SHARE until the
 * transaction ends, so a merge of it waits for this row, then moves it too). `keep` is the row's
 * current key: a row may keep a retired item. A network whose list is still empty (made before
 * the lists, by hand) accepts the keys it starts with.
 */
export async function itemAccepted(
  db: Executor,
  list: EditableList,
  key: string,
  keep?: string,
): Promise<boolean> {
  const org = (await organisationId(db)) ?? '00000000-0000-0000-0000-000000000000';
  const item = await findItem(db, org, list, key, 'share');
  if (item) return !item.retired || key === keep;
  const [any] = await rowsOf<{ n: number }>(
    db,
    sql`select 1 as n from ${sql.raw(STORES[list].table)} where ${scope(list, org)} limit 1`,
  );
  return !any && DEFAULT_LIST_ITEMS.some((i) => i.list === list && i.key === key);
}
