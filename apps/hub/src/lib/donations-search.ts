import { integer, isoDate, oneOf, searchSchema, text, uuid } from './search-schema.ts';

/*
 * URL search params of the gifts, donors and receipts lists (small validators of ./search-schema.ts, like
 * lib/search-params.ts: they run in the entry bundle). A hand-edited, invalid value is dropped.
 */

const pageNumber = integer({ min: 1 });

export const donationsSearch = searchSchema({
  kind: oneOf(['money', 'in_kind']),
  donorId: uuid,
  from: isoDate,
  to: isoDate,
  page: pageNumber,
});

export const donorsSearch = searchSchema({
  q: text({ trim: true, maxLength: 100 }),
  kind: oneOf(['individual', 'company', 'foundation', 'public_body']),
  page: pageNumber,
});

export const receiptsSearch = searchSchema({
  year: integer({ min: 2000, max: 2100 }),
  donorId: uuid,
  status: oneOf(['issued', 'cancelled']),
  page: pageNumber,
});

/**
 * A list's search once `patch` is applied: a new filter starts again from the first page, and
 * the first page is left out of the URL.
 */
export function patchListSearch<S extends { page?: number | undefined }>(
  prev: S,
  patch: Partial<S>,
): S {
  const next = { ...prev, ...patch };
  if (!('page' in patch)) next.page = undefined;
  if (next.page === 1) next.page = undefined;
  return next;
}
