import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeItems,
  addVerdict,
  deleteVerdict,
  EDITABLE_LISTS,
  isSystemItem,
  itemDataIssues,
  listItemInput,
  listItemLabel,
  mergeVerdict,
  repointRows,
  restoreVerdict,
  retireVerdict,
  streamMergeVerdict,
} from './lists.ts';

const item = (
  key: string,
  over: Partial<{ retired: boolean; mergedInto: string | null }> = {},
) => ({
  key,
  labelFr: key.toUpperCase(),
  retired: false,
  mergedInto: null,
  ...over,
});

describe('editable lists: verdicts', () => {
  it('checks keys and labels in French', () => {
    expect(listItemInput.safeParse({ key: 'cafe-rencontre', labelFr: 'Café' }).success).toBe(true);
    expect(listItemInput.safeParse({ key: 'books_toys', labelFr: 'Livres' }).success).toBe(true);
    const bad = listItemInput.safeParse({ key: 'Café', labelFr: 'x' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message).join(' ')).toMatch(/minuscules/);
  });

  it('adds to open lists only, with a free key', () => {
    expect(addVerdict('event_kind', 'atelier', ['concert'])).toEqual({ ok: true });
    expect(addVerdict('event_kind', 'atelier', ['atelier'])).toMatchObject({ code: 'KEY_TAKEN' });
    expect(addVerdict('audience', 'students', [])).toMatchObject({ code: 'NOT_ADDABLE' });
  });

  it('merges into another active item of a mergeable list, never a system item away', () => {
    expect(mergeVerdict('donation_category', item('books_toys'), item('other'))).toEqual({
      ok: true,
    });
    expect(mergeVerdict('donation_category', item('food'), item('food'))).toMatchObject({
      code: 'SAME_ITEM',
    });
    expect(
      mergeVerdict('donation_category', item('food'), item('clothes', { retired: true })),
    ).toMatchObject({ code: 'TARGET_RETIRED' });
    expect(mergeVerdict('resource_kind', item('desk'), item('room'))).toMatchObject({
      code: 'SYSTEM_ITEM',
    });
    expect(mergeVerdict('resource_kind', item('equipment'), item('desk'))).toEqual({ ok: true });
    expect(mergeVerdict('tariff', item('a'), item('b'))).toMatchObject({ code: 'NOT_MERGEABLE' });
    expect(
      mergeVerdict('event_kind', item('a', { retired: true, mergedInto: 'b' }), item('c')),
    ).toMatchObject({ code: 'MERGED' });
  });

  it('never retires desk, room nor the centre programme', () => {
    const desk = retireVerdict('resource_kind', item('desk'));
    expect(desk).toMatchObject({ ok: false, code: 'SYSTEM_ITEM' });
    expect(desk.ok ? '' : desk.message).toMatch(/renommé, pas retiré/);
    expect(retireVerdict('audience', item('centre_programme'))).toMatchObject({ ok: false });
    expect(retireVerdict('audience', item('company'))).toEqual({ ok: true });
    expect(retireVerdict('event_kind', item('a', { retired: true }))).toMatchObject({
      code: 'ALREADY_RETIRED',
    });
  });

  it('restores a retired item unless it was merged', () => {
    expect(restoreVerdict(item('a', { retired: true }))).toEqual({ ok: true });
    expect(restoreVerdict(item('a'))).toMatchObject({ code: 'NOT_RETIRED' });
    expect(restoreVerdict(item('a', { retired: true, mergedInto: 'b' }))).toMatchObject({
      code: 'MERGED',
    });
  });

  it('deletes only what nothing uses', () => {
    expect(deleteVerdict('event_kind', item('a'), 0)).toEqual({ ok: true });
    const used = deleteVerdict('event_kind', item('a'), 3);
    expect(used).toMatchObject({ code: 'IN_USE' });
    expect(used.ok ? '' : used.message).toMatch(/3 événement/);
    expect(deleteVerdict('resource_kind', item('desk'), 0)).toMatchObject({ code: 'SYSTEM_ITEM' });
  });

  it('refuses to merge streams of different waste codes', () => {
    expect(
      streamMergeVerdict(
        { ...item('a'), wasteCode: '20 01 10' },
        { ...item('b'), wasteCode: '20 03 07' },
      ),
    ).toMatchObject({ code: 'STREAMS_DIFFER' });
    expect(
      streamMergeVerdict({ ...item('a'), wasteCode: null }, { ...item('b'), wasteCode: null }),
    ).toEqual({ ok: true });
  });

  it('checks the data of tariff templates and streams', () => {
    expect(itemDataIssues('tariff', {})).not.toEqual([]);
    expect(
      itemDataIssues('tariff', {
        tariff: {
          hourlyCents: { member: 500, qpv_resident: 0, association: 500, company: 2000 },
          flatFeeCents: 0,
        },
      }),
    ).toEqual([]);
    expect(itemDataIssues('material_stream', { family: 'nope' })[0]?.path).toEqual([
      'data',
      'family',
    ]);
    expect(itemDataIssues('material_stream', {})).toEqual([]);
  });

  it('labels fall back to French; pickers offer active items by position', () => {
    expect(listItemLabel({ labelFr: 'Bureau', labelEn: '' }, 'en')).toBe('Bureau');
    expect(listItemLabel({ labelFr: 'Bureau', labelEn: 'Desk' }, 'en')).toBe('Desk');
    const items = [
      { key: 'b', labelFr: 'B', position: 2, retired: false },
      { key: 'a', labelFr: 'A', position: 1, retired: false },
      { key: 'c', labelFr: 'C', position: 0, retired: true },
    ];
    expect(activeItems(items).map((i) => i.key)).toEqual(['a', 'b']);
  });

  it('every list has its system items retirable or not consistently', () => {
    for (const list of EDITABLE_LISTS) {
      for (const key of ['desk', 'centre_programme', 'other']) {
        if (!isSystemItem(list, key)) expect(retireVerdict(list, item(key)).ok).toBe(true);
      }
    }
  });
});

describe('editable lists: merge properties', () => {
  const key = fc.constantFrom<string>('a', 'b', 'c', 'd');
  it('after a merge no row points at the source, and no row is lost or invented', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.nat(), kind: key })),
        key,
        key,
        (rows, from, into) => {
          fc.pre(from !== into);
          const after = repointRows(
            rows,
            (r) => r.kind,
            (r, k) => ({ ...r, kind: k }),
            from,
            into,
          );
          expect(after).toHaveLength(rows.length);
          expect(after.some((r) => r.kind === from)).toBe(false);
          expect(after.filter((r) => r.kind === into)).toHaveLength(
            rows.filter((r) => r.kind === from || r.kind === into).length,
          );
          expect(after.map((r) => r.id)).toEqual(rows.map((r) => r.id));
        },
      ),
    );
  });

  it('a merge verdict never lets a system item go', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EDITABLE_LISTS),
        fc.constantFrom('desk', 'room', 'other', 'weee', 'member', 'x', 'y'),
        fc.constantFrom('desk', 'room', 'other', 'x', 'y'),
        (list, from, into) => {
          const v = mergeVerdict(list, item(from), item(into));
          if (isSystemItem(list, from)) expect(v.ok).toBe(false);
        },
      ),
    );
  });
});
