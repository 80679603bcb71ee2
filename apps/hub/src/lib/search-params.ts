import type { PartnerKind } from '@lakou/domain/network';
import {
  flag,
  type Infer,
  integer,
  isoDate,
  oneOf,
  searchSchema,
  text,
  uuid,
} from './search-schema.ts';

/*
 * URL search-param schemas. They run in the entry bundle (TanStack Router validates search
 * before any lazy route chunk loads), so they use the small validators of ./search-schema.ts
 * (not zod) and import nothing at run time from @lakou/domain, whose schemas pull in all of zod
 * and Temporal. A hand-edited, invalid value is dropped rather than shown as an error.
 */

const searchText = text({ trim: true, maxLength: 100 });
const pageNumber = integer({ min: 1 });

// `satisfies` makes tsc fail if the domain adds, renames or drops a kind.
const partnerKindSet = {
  association: true,
  public_body: true,
  company: true,
  foundation: true,
} satisfies Record<PartnerKind, true>;
export const urlPartnerKinds = Object.keys(partnerKindSet) as PartnerKind[];

export const networkSearch = searchSchema({
  q: searchText,
  qpv: flag,
  page: pageNumber,
  sort: oneOf(['name', 'commune']),
  order: oneOf(['asc', 'desc']),
});
export type NetworkSearch = Infer<typeof networkSearch>;

export const partnersSearch = searchSchema({
  q: searchText,
  kind: oneOf(urlPartnerKinds as [PartnerKind, ...PartnerKind[]]),
  centreId: uuid,
  page: pageNumber,
});
export type PartnersSearch = Infer<typeof partnersSearch>;

export const signInSearch = searchSchema({
  /** Where to go once signed in; checked again by `safeRedirect` before use. */
  redirect: text({ maxLength: 2000 }),
});
export type SignInSearch = Infer<typeof signInSearch>;

export const resetPasswordSearch = searchSchema({
  token: text({ minLength: 1, maxLength: 500 }),
  error: text({ maxLength: 100 }),
});
export type ResetPasswordSearch = Infer<typeof resetPasswordSearch>;

export const usersSearch = searchSchema({
  q: searchText,
  centreId: uuid,
  active: flag,
  page: pageNumber,
});
export type UsersSearch = Infer<typeof usersSearch>;

const shortText = text({ trim: true, maxLength: 60 });
const calendarDate = isoDate;

export const auditSearch = searchSchema({
  entity: shortText,
  action: shortText,
  actorId: uuid,
  from: calendarDate,
  to: calendarDate,
  page: pageNumber,
});
export type AuditSearch = Infer<typeof auditSearch>;

/** The agenda opens on `date` (YYYY-MM-DD, the centre's calendar day) when given, else today. */
export const agendaSearch = searchSchema({
  date: text({ pattern: /^\d{4}-\d{2}-\d{2}$/ }),
});
export type AgendaSearch = Infer<typeof agendaSearch>;
