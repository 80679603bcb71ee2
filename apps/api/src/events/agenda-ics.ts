import type { Event } from '@lakou/domain/events';
import ICAL from 'ical.js';

const PRODID = '-//Lakou//Agenda des tiers-lieux//FR';

/**
 * A centre's public agenda as RFC 5545: one VEVENT per live session of each event (recurring
 * programmes such as the café de rencontre appear occurrence by occurrence), times in UTC so
 * every client shows them in its own zone, and the centre's zone named for calendars that use it.
 */
export function publicAgendaCalendar(
  centre: { name: string; timeZone: string; address: string },
  items: readonly Event[],
  links: { event: (e: Event) => string },
  now: Date,
): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('prodid', PRODID);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  calendar.addPropertyWithValue('x-wr-calname', `${centre.name} — agenda public`);
  calendar.addPropertyWithValue('x-wr-timezone', centre.timeZone);
  const stamp = ICAL.Time.fromJSDate(now, true);
  for (const e of items) {
    for (const s of e.sessions) {
      if (s.cancelled) continue;
      const vevent = new ICAL.Component('vevent');
      vevent.addPropertyWithValue('uid', `${e.id}-${s.bookingId}@lakou`);
      vevent.addPropertyWithValue('dtstamp', stamp);
      vevent.addPropertyWithValue('dtstart', ICAL.Time.fromJSDate(new Date(s.start), true));
      vevent.addPropertyWithValue('dtend', ICAL.Time.fromJSDate(new Date(s.end), true));
      vevent.addPropertyWithValue('summary', e.title);
      if (e.description) vevent.addPropertyWithValue('description', e.description);
      vevent.addPropertyWithValue('location', `${s.resourceName}, ${centre.address}`);
      vevent.addPropertyWithValue('categories', e.kind.label);
      vevent.addPropertyWithValue('url', links.event(e));
      vevent.addPropertyWithValue('status', e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
      calendar.addSubcomponent(vevent);
    }
  }
  return calendar.toString();
}
