import { type Infer, integer, oneOf, searchSchema, text, uuid } from './search-schema.ts';

/*
 * URL search params of the events pages and the public agenda (small validators of ./search-schema.ts, like
 * lib/search-params.ts: they run in the entry bundle). A hand-edited, invalid value is dropped.
 */

const pageNumber = integer({ min: 1 });

export const eventsSearch = searchSchema({
  type: uuid,
  period: oneOf(['week', 'month', 'quarter', 'all']),
  page: pageNumber,
});
export type EventsSearch = Infer<typeof eventsSearch>;

/** `?evenement=<id>`: the event the iCalendar feed links to, opened on arrival. */
export const publicAgendaSearch = searchSchema({
  evenement: uuid,
  page: pageNumber,
});
export type PublicAgendaSearch = Infer<typeof publicAgendaSearch>;

/** `?jeton=lkr_…`: the secret of a registration, from the link a visitor was given. */
export const cancelRegistrationSearch = searchSchema({
  jeton: text({ minLength: 1, maxLength: 200 }),
});
export type CancelRegistrationSearch = Infer<typeof cancelRegistrationSearch>;
