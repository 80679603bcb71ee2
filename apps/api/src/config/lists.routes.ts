import { z } from '@hono/zod-openapi';
import {
  addVerdict,
  deleteVerdict,
  EDITABLE_LISTS,
  type EditableList,
  editableList,
  editableListView,
  itemDataIssues,
  LIST_TRAITS,
  listItem,
  listItemInput,
  listItemMerge,
  listItemPatch,
  mergeVerdict,
  restoreVerdict,
  retireVerdict,
  streamItemData,
  streamMergeVerdict,
  type Verdict,
} from '@lakou/domain/config/lists';
import { can } from '@lakou/domain/identity';
import type { Context } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { organisationId } from '../circular/circular.queries.ts';
import { isUniqueViolation, sqlState } from '../db/errors.ts';
import { DENIED_RESPONSES, guardedRoute, PUBLIC, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { type ApiEnv, contextRouter } from '../http/router.ts';
import {
  deleteItem,
  findItem,
  insertItem,
  loadItems,
  maxPosition,
  repoint,
  type StoredItem,
  setRetired,
  toListItem,
  updateItem,
  usageCounts,
} from './lists.queries.ts';

const TAGS = ['Configuration'];
const NONE = '00000000-0000-0000-0000-000000000000';

const listParam = z.object({
  list: z.string().openapi({ param: { name: 'list', in: 'path' }, example: 'event_kind' }),
});
const itemParams = listParam.extend({
  key: z
    .string()
    .max(80)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'atelier' }),
});

const NO_LIST = `Cette liste n’existe pas (listes : ${EDITABLE_LISTS.join(', ')}).`;
const NO_ITEM = 'Cet élément n’existe pas dans cette liste.';

const problems = {
  400: problemContent('Invalid input'),
  404: problemContent('No such list or item'),
  ...DENIED_RESPONSES,
};
const refusals = {
  409: problemContent('Key taken, or the item is in use (delete), or changed meanwhile'),
  422: problemContent(
    'The rule refuses it: system item, retired target, streams of different waste codes …',
  ),
};

const listsRoute = guardedRoute({
  policy: PUBLIC,
  method: 'get',
  path: '/lists',
  tags: TAGS,
  summary: 'Every editable list with its items (retired ones included, flagged)',
  description:
    'Labels are public, like the event kinds; usage counts (rows using each item) are given to those who may manage the lists (`config.manage`), null to others.',
  responses: {
    200: {
      description: 'The lists',
      content: {
        'application/json': { schema: z.object({ items: z.array(editableListView) }) },
      },
    },
  },
});

const listRoute = guardedRoute({
  policy: PUBLIC,
  method: 'get',
  path: '/lists/{list}',
  tags: TAGS,
  summary: 'One editable list with its items',
  request: { params: listParam },
  responses: {
    200: {
      description: 'The list',
      content: { 'application/json': { schema: editableListView } },
    },
    400: problems[400],
    404: problems[404],
  },
});

const createRoute = guardedRoute({
  policy: requires('config.manage'),
  method: 'post',
  path: '/lists/{list}/items',
  tags: TAGS,
  summary: 'Add an item to a list (network admin)',
  description:
    'The key is stable: rows store it. A key stays reserved once used, even by a retired item. Audiences are a closed list (422).',
  request: {
    params: listParam,
    body: { required: true, content: { 'application/json': { schema: listItemInput } } },
  },
  responses: {
    201: { description: 'Added', content: { 'application/json': { schema: listItem } } },
    ...problems,
    ...refusals,
  },
});

const patchRoute = guardedRoute({
  policy: requires('config.manage'),
  method: 'patch',
  path: '/lists/{list}/items/{key}',
  tags: TAGS,
  summary: 'Rename an item, move it, or change its attributes (the key never changes)',
  request: {
    params: itemParams,
    body: { required: true, content: { 'application/json': { schema: listItemPatch } } },
  },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: listItem } } },
    ...problems,
    409: refusals[409],
  },
});

const retireRoute = guardedRoute({
  policy: requires('config.manage'),
  method: 'post',
  path: '/lists/{list}/items/{key}/retire',
  tags: TAGS,
  summary: 'Retire an item: no longer offered, rows keep it and its label',
  request: { params: itemParams },
  responses: {
    200: { description: 'Retired', content: { 'application/json': { schema: listItem } } },
    ...problems,
    422: refusals[422],
  },
});

const restoreRoute = guardedRoute({
  policy: requires('config.manage'),
  method: 'post',
  path: '/lists/{list}/items/{key}/restore',
  tags: TAGS,
  summary: 'Offer a retired item again (not a merged one)',
  request: { params: itemParams },
  responses: {
    200: { description: 'Restored', content: { 'application/json': { schema: listItem } } },
    ...problems,
    422: refusals[422],
  },
});

const mergeResult = z
  .object({
    item: listItem.describe('The merged item, now retired'),
    into: listItem,
    moved: z.number().int().describe('Rows that now point at the target'),
  })
  .meta({ id: 'ListMergeResult' });

const mergeRoute = guardedRoute({
  policy: requires('config.manage'),
  method: 'post',
  path: '/lists/{list}/items/{key}/merge',
  tags: TAGS,
  summary: 'Merge an item into another: its rows move to the target, then it retires',
  description:
    'One transaction. Material streams: movements, compost batches and gifts move and each centre’s stock is added to the target’s; streams of different waste codes are refused (422) as it would rewrite the waste register.',
  request: {
    params: itemParams,
    body: { required: true, content: { 'application/json': { schema: listItemMerge } } },
  },
  responses: {
    200: { description: 'Merged', content: { 'application/json': { schema: mergeResult } } },
    ...problems,
    422: refusals[422],
  },
});

const deleteRoute = guardedRoute({
  policy: requires('config.manage'),
  method: 'delete',
  path: '/lists/{list}/items/{key}',
  tags: TAGS,
  summary: 'Delete an item nothing uses (409 IN_USE otherwise: retire or merge it)',
  request: { params: itemParams },
  responses: {
    204: { description: 'Deleted' },
    ...problems,
    409: refusals[409],
    422: refusals[422],
  },
});

/** A refused verdict as a problem: 409 for conflicts with rows or keys, 422 for rules. */
function refused(c: Context<ApiEnv>, verdict: Exclude<Verdict, { ok: true }>, extra = {}) {
  const status = verdict.code === 'KEY_TAKEN' || verdict.code === 'IN_USE' ? 409 : 422;
  return problemResponse(c, status, verdict.message, { code: verdict.code, ...extra });
}

class Refusal extends Error {
  constructor(readonly response: Response) {
    super('refused');
  }
}

function parseList(c: Context<ApiEnv>, raw: string): EditableList | Response {
  const parsed = editableList.safeParse(raw);
  return parsed.success ? parsed.data : problemResponse(c, 404, NO_LIST);
}

const mayManage = (c: Context<ApiEnv>) =>
  c.var.actor !== null && can(c.var.actor, 'config.manage', {});

async function viewOf(
  c: Context<ApiEnv>,
  db: Parameters<typeof loadItems>[0],
  org: string,
  list: EditableList,
) {
  const [items, usage] = await Promise.all([
    loadItems(db, org, list),
    mayManage(c) ? usageCounts(db, org, list) : Promise.resolve(null),
  ]);
  return {
    list,
    labelFr: LIST_TRAITS[list].labelFr,
    labelEn: LIST_TRAITS[list].labelEn,
    canAdd: LIST_TRAITS[list].canAdd,
    canMerge: LIST_TRAITS[list].canMerge,
    items: items.map((i) => toListItem(list, i, usage ? (usage.get(i.key) ?? 0) : null)),
  };
}

async function itemView(
  db: Parameters<typeof loadItems>[0],
  org: string,
  list: EditableList,
  row: StoredItem,
) {
  const usage = await usageCounts(db, org, list);
  return toListItem(list, row, usage.get(row.key) ?? 0);
}

/** `data` of an item as its list stores it; a 400 when it does not fit. */
function checkedData(
  c: Context<ApiEnv>,
  list: EditableList,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const issues = itemDataIssues(list, data);
  if (issues.length > 0) {
    throw new Refusal(
      problemResponse(c, 400, 'Certaines valeurs envoyées sont invalides.', {
        type: 'urn:lakou:problem:validation',
        errors: issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
      }),
    );
  }
  return list === 'material_stream' ? streamItemData.parse(data) : data;
}

const labelTaken = (c: Context<ApiEnv>) =>
  problemResponse(c, 409, 'Un autre élément de cette liste porte déjà ce libellé.', {
    code: 'LABEL_TAKEN',
  });

export const listsRoutes = contextRouter()
  .openapi(listsRoute, async (c) => {
    const db = c.var.db;
    const org = (await organisationId(db)) ?? NONE;
    const items = [];
    for (const list of EDITABLE_LISTS) items.push(await viewOf(c, db, org, list));
    return c.json({ items }, 200);
  })
  .openapi(listRoute, async (c) => {
    const list = parseList(c, c.req.valid('param').list);
    if (list instanceof Response) return list as never;
    const org = (await organisationId(c.var.db)) ?? NONE;
    return c.json(await viewOf(c, c.var.db, org, list), 200);
  })
  .openapi(createRoute, async (c) => {
    const list = parseList(c, c.req.valid('param').list);
    if (list instanceof Response) return list as never;
    const input = c.req.valid('json');
    try {
      const made = await c.var.db.transaction(async (tx) => {
        const org = (await organisationId(tx)) ?? NONE;
        const existing = await loadItems(tx, org, list);
        const verdict = addVerdict(
          list,
          input.key,
          existing.map((i) => i.key),
        );
        if (!verdict.ok) throw new Refusal(refused(c, verdict));
        const data = checkedData(c, list, input.data);
        const position = existing.reduce((max, i) => Math.max(max, Number(i.position) + 1), 0);
        await insertItem(tx, org, list, {
          ...input,
          data,
          position: Math.min(position, maxPosition(list)),
        });
        const row = await findItem(tx, org, list, input.key);
        if (!row) throw new Error('The new list item was not found.');
        const view = toListItem(list, row, 0);
        await recordAudit(tx, c, {
          action: 'config.list.create',
          entity: 'list_item',
          entityId: `${list}:${input.key}`,
          after: view,
        });
        return view;
      });
      return c.json(made, 201);
    } catch (error) {
      if (error instanceof Refusal) return error.response as never;
      if (isUniqueViolation(error)) {
        // Two admins adding the same key at once, or a stream named like another.
        const again = addVerdict(list, input.key, [input.key]);
        return (
          list === 'material_stream'
            ? labelTaken(c)
            : refused(c, again as Exclude<Verdict, { ok: true }>)
        ) as never;
      }
      throw error;
    }
  })
  .openapi(patchRoute, async (c) => {
    const { list: raw, key } = c.req.valid('param');
    const list = parseList(c, raw);
    if (list instanceof Response) return list as never;
    const patch = c.req.valid('json');
    try {
      const after = await c.var.db.transaction(async (tx) => {
        const org = (await organisationId(tx)) ?? NONE;
        const before = await findItem(tx, org, list, key, 'update');
        if (!before) throw new Refusal(problemResponse(c, 404, NO_ITEM));
        const data =
          patch.data === undefined
            ? undefined
            : checkedData(
                c,
                list,
                list === 'material_stream' ? { ...before.data, ...patch.data } : patch.data,
              );
        await updateItem(tx, org, list, key, { ...patch, data });
        const row = await findItem(tx, org, list, key);
        if (!row) throw new Error('The list item vanished.');
        const view = await itemView(tx, org, list, row);
        await recordAudit(tx, c, {
          action: 'config.list.update',
          entity: 'list_item',
          entityId: `${list}:${key}`,
          before: toListItem(list, before, view.usage),
          after: view,
        });
        return view;
      });
      return c.json(after, 200);
    } catch (error) {
      if (error instanceof Refusal) return error.response as never;
      if (isUniqueViolation(error)) return labelTaken(c) as never;
      throw error;
    }
  })
  .openapi(retireRoute, async (c) => retireOrRestore(c, 'retire'))
  .openapi(restoreRoute, async (c) => retireOrRestore(c, 'restore'))
  .openapi(mergeRoute, async (c) => {
    const { list: raw, key } = c.req.valid('param');
    const list = parseList(c, raw);
    if (list instanceof Response) return list as never;
    const { into } = c.req.valid('json');
    try {
      const result = await c.var.db.transaction(async (tx) => {
        const org = (await organisationId(tx)) ?? NONE;
        // Both rows locked in key order, so two crossed merges (a→b, b→a) cannot deadlock:
        // the second waits, then sees its source or target retired and is refused.
        const [first, second] = [key, into].sort();
        const locked = new Map<string, StoredItem | undefined>();
        for (const k of [first, second]) {
          if (k !== undefined && !locked.has(k))
            locked.set(k, await findItem(tx, org, list, k, 'update'));
        }
        const source = locked.get(key);
        const target = locked.get(into);
        if (!source) throw new Refusal(problemResponse(c, 404, NO_ITEM));
        if (!target) {
          throw new Refusal(
            problemResponse(c, 422, 'L’élément cible n’existe pas dans cette liste.', {
              code: 'NO_TARGET',
            }),
          );
        }
        let verdict = mergeVerdict(list, source, target);
        if (verdict.ok && list === 'material_stream') {
          verdict = streamMergeVerdict(
            { ...source, wasteCode: (source.data.wasteCode as string | null) ?? null },
            { ...target, wasteCode: (target.data.wasteCode as string | null) ?? null },
          );
        }
        if (!verdict.ok) throw new Refusal(refused(c, verdict));
        const moved = await repoint(tx, org, list, source, target);
        await setRetired(tx, org, list, source.key, true, target.key);
        const usage = await usageCounts(tx, org, list);
        const merged = await findItem(tx, org, list, source.key);
        if (!merged) throw new Error('The merged item vanished.');
        const view = {
          item: toListItem(list, merged, usage.get(source.key) ?? 0),
          into: toListItem(list, target, usage.get(target.key) ?? 0),
          moved,
        };
        await recordAudit(tx, c, {
          action: 'config.list.merge',
          entity: 'list_item',
          entityId: `${list}:${source.key}`,
          before: toListItem(list, source, null),
          after: view,
        });
        return view;
      });
      return c.json(result, 200);
    } catch (error) {
      if (error instanceof Refusal) return error.response as never;
      throw error;
    }
  })
  .openapi(deleteRoute, async (c) => {
    const { list: raw, key } = c.req.valid('param');
    const list = parseList(c, raw);
    if (list instanceof Response) return list as never;
    try {
      await c.var.db.transaction(async (tx) => {
        const org = (await organisationId(tx)) ?? NONE;
        const item = await findItem(tx, org, list, key, 'update');
        if (!item) throw new Refusal(problemResponse(c, 404, NO_ITEM));
        const usage = (await usageCounts(tx, org, list)).get(key) ?? 0;
        const verdict = deleteVerdict(list, item, usage);
        if (!verdict.ok) throw new Refusal(refused(c, verdict, { usage }));
        await deleteItem(tx, org, list, key);
        await recordAudit(tx, c, {
          action: 'config.list.delete',
          entity: 'list_item',
          entityId: `${list}:${key}`,
          before: toListItem(list, item, 0),
        });
      });
      return c.body(null, 204);
    } catch (error) {
      if (error instanceof Refusal) return error.response as never;
      // A row that only a foreign key knows about (a stream stock at zero …).
      if (sqlState(error) === '23503') {
        return problemResponse(
          c,
          409,
          'Des lignes utilisent encore cet élément : retirez-le plutôt.',
          {
            code: 'IN_USE',
          },
        ) as never;
      }
      throw error;
    }
  });

async function retireOrRestore(c: Context<ApiEnv>, what: 'retire' | 'restore') {
  const list = parseList(c, c.req.param('list') ?? '');
  if (list instanceof Response) return list as never;
  const key = c.req.param('key') ?? '';
  try {
    const after = await c.var.db.transaction(async (tx) => {
      const org = (await organisationId(tx)) ?? NONE;
      const before = await findItem(tx, org, list, key, 'update');
      if (!before) throw new Refusal(problemResponse(c, 404, NO_ITEM));
      const verdict = what === 'retire' ? retireVerdict(list, before) : restoreVerdict(before);
      if (!verdict.ok) throw new Refusal(refused(c, verdict));
      await setRetired(tx, org, list, key, what === 'retire');
      const row = await findItem(tx, org, list, key);
      if (!row) throw new Error('The list item vanished.');
      const view = await itemView(tx, org, list, row);
      await recordAudit(tx, c, {
        action: `config.list.${what}`,
        entity: 'list_item',
        entityId: `${list}:${key}`,
        before: toListItem(list, before, view.usage),
        after: view,
      });
      return view;
    });
    return c.json(after, 200);
  } catch (error) {
    if (error instanceof Refusal) return error.response as never;
    throw error;
  }
}
