import { z } from 'zod/mini';

/*
 * URL search params of the gifts, donors and receipts lists (zod's "mini" build, like
 * lib/search-params.ts: they run in the entry bundle). A hand-edited, invalid value is dropped.
 */

function lenient<T extends z.core.SomeType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}

const pageNumber = lenient(z.int().check(z.minimum(1)));

export const donationsSearch = z.object({
  kind: lenient(z.enum(['money', 'in_kind'])),
  donorId: lenient(z.uuid()),
  from: lenient(z.iso.date()),
  to: lenient(z.iso.date()),
  page: pageNumber,
});

export const donorsSearch = z.object({
  q: lenient(z.string().check(z.trim(), z.maxLength(100))),
  kind: lenient(z.enum(['individual', 'company', 'foundation', 'public_body'])),
  page: pageNumber,
});

export const receiptsSearch = z.object({
  year: lenient(z.int().check(z.minimum(2000), z.maximum(2100))),
  donorId: lenient(z.uuid()),
  status: lenient(z.enum(['issued', 'cancelled'])),
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
