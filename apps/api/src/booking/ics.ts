import type { Booking } from '@lakou/domain/booking';
import ICAL from 'ical.js';

const PRODID = '-//Lakou//Agenda des tiers-lieux//FR';

/**
 * An RFC 5545 calendar of bookings. Times are written in UTC (`…Z`), which every client shows in
 * its own zone: 18:00 in Cayenne reads 22:00 in Paris, as it should. Recurring bookings appear
 * occurrence by occurrence, each with its own UID, so a cancelled one simply disappears.
 */
export function bookingsCalendar(
  name: string,
  items: readonly (Booking & { resourceName: string })[],
  now: Date,
): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('prodid', PRODID);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('x-wr-calname', name);
  const stamp = ICAL.Time.fromJSDate(now, true);
  for (const b of items) {
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', `${b.id}@lakou`);
    event.addPropertyWithValue('dtstamp', stamp);
    event.addPropertyWithValue('dtstart', ICAL.Time.fromJSDate(new Date(b.start), true));
    event.addPropertyWithValue('dtend', ICAL.Time.fromJSDate(new Date(b.end), true));
    event.addPropertyWithValue('summary', `${b.purpose} — ${b.organiser.name}`);
    event.addPropertyWithValue('location', b.resourceName);
    event.addPropertyWithValue('status', b.status === 'requested' ? 'TENTATIVE' : 'CONFIRMED');
    calendar.addSubcomponent(event);
  }
  return calendar.toString();
}
