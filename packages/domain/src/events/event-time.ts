/**
 * When an event takes place, in French words and in the centre's zone — for emails and the
 * public agenda, where readers may sit in another zone (« mardi 24 novembre 2026, 18:00–19:30 »).
 */
export function describeEventTime(start: string, end: string, timeZone: string): string {
  const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone });
  const time = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone });
  const s = new Date(start);
  const e = new Date(end);
  const sameDay = day.format(s) === day.format(e);
  return sameDay
    ? `${day.format(s)}, ${time.format(s)}–${time.format(e)}`
    : `du ${day.format(s)}, ${time.format(s)} au ${day.format(e)}, ${time.format(e)}`;
}
