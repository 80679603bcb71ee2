import { z } from 'zod/mini';

/*
 * URL search params of the events pages and the public agenda (zod's "mini" build, like
 * lib/search-params.ts: they run in the entry bundle). A hand-edited, invalid value is dropped.
 */

function lenient<T extends z.core.SomeType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}

const pageNumber = lenient(z.int().check(z.minimum(1)));

export const eventsSearch = z.object({
  type: lenient(z.uuid()),
  period: lenient(z.enum(['week', 'month', 'quarter', 'all'])),
  page: pageNumber,
});
export type EventsSearch = z.infer<typeof eventsSearch>;

/** `?evenement=<id>`: the event the iCalendar feed links to, opened on arrival. */
export const publicAgendaSearch = z.object({
  evenement: lenient(z.uuid()),
  page: pageNumber,
});
export type PublicAgendaSearch = z.infer<typeof publicAgendaSearch>;

/** `?jeton=lkr_…`: the secret of a registration, from the link a visitor was given. */
export const cancelRegistrationSearch = z.object({
  jeton: lenient(z.string().check(z.minLength(1), z.maxLength(200))),
});
export type CancelRegistrationSearch = z.infer<typeof cancelRegistrationSearch>;
