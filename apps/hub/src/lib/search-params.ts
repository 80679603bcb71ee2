import type { PartnerKind } from '@lakou/domain/network';
import { z } from 'zod/mini';

/*
 * URL search-param schemas. They run in the entry bundle (TanStack Router validates search
 * before any lazy route chunk loads), so they use zod's tree-shakable "mini" build and import
 * nothing at run time from @lakou/domain, whose schemas pull in all of zod and Temporal.
 * A hand-edited, invalid value is dropped rather than shown as an error.
 */

function lenient<T extends z.core.SomeType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}

const searchText = lenient(z.string().check(z.trim(), z.maxLength(100)));
const pageNumber = lenient(z.int().check(z.minimum(1)));

// `satisfies` makes tsc fail if the domain adds, renames or drops a kind.
const partnerKindSet = {
  association: true,
  public_body: true,
  company: true,
  foundation: true,
} satisfies Record<PartnerKind, true>;
export const urlPartnerKinds = Object.keys(partnerKindSet) as PartnerKind[];

export const networkSearch = z.object({
  q: searchText,
  qpv: lenient(z.boolean()),
  page: pageNumber,
  sort: lenient(z.enum(['name', 'commune'])),
  order: lenient(z.enum(['asc', 'desc'])),
});
export type NetworkSearch = z.infer<typeof networkSearch>;

export const partnersSearch = z.object({
  q: searchText,
  kind: lenient(z.enum(urlPartnerKinds as [PartnerKind, ...PartnerKind[]])),
  centreId: lenient(z.uuid()),
  page: pageNumber,
});
export type PartnersSearch = z.infer<typeof partnersSearch>;

export const signInSearch = z.object({
  /** Where to go once signed in; checked again by `safeRedirect` before use. */
  redirect: lenient(z.string().check(z.maxLength(2000))),
});
export type SignInSearch = z.infer<typeof signInSearch>;

export const resetPasswordSearch = z.object({
  token: lenient(z.string().check(z.minLength(1), z.maxLength(500))),
  error: lenient(z.string().check(z.maxLength(100))),
});
export type ResetPasswordSearch = z.infer<typeof resetPasswordSearch>;

export const usersSearch = z.object({
  q: searchText,
  centreId: lenient(z.uuid()),
  active: lenient(z.boolean()),
  page: pageNumber,
});
export type UsersSearch = z.infer<typeof usersSearch>;

const shortText = lenient(z.string().check(z.trim(), z.maxLength(60)));
const calendarDate = lenient(z.iso.date());

export const auditSearch = z.object({
  entity: shortText,
  action: shortText,
  actorId: lenient(z.uuid()),
  from: calendarDate,
  to: calendarDate,
  page: pageNumber,
});
export type AuditSearch = z.infer<typeof auditSearch>;

/** The agenda opens on `date` (YYYY-MM-DD, the centre's calendar day) when given, else today. */
export const agendaSearch = z.object({
  date: lenient(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
});
export type AgendaSearch = z.infer<typeof agendaSearch>;
