import { Temporal } from 'temporal-polyfill';
import { type Closure, closureOn } from './closure.ts';
import { minutesOfDay, type OpeningWindow, sortWindows } from './opening-hours.ts';

type ClosureLike = Pick<Closure, 'startsOn' | 'endsOn' | 'reason'>;

export type OpeningStatus =
  | { state: 'open'; closesAt: string }
  | {
      state: 'closed';
      /** Set when a declared closure (holidays, works) covers the day. */
      closureReason?: string;
      /** Next time the centre opens, in its own calendar, or null if none within the horizon. */
      nextOpening: { date: string; weekday: number; opens: string } | null;
    };

/** How many days ahead we look for the next opening before giving up. */
const HORIZON_DAYS = 120;

/**
 * Whether a centre is open at `instant`, judged on the wall clock of the centre's own time zone
 * (never the viewer's or the server's). Windows are half-open: open at `opens`, closed at `closes`.
 */
export function openingStatusAt(
  windows: readonly OpeningWindow[],
  closures: readonly ClosureLike[],
  instant: Temporal.Instant | string,
  timeZone: string,
): OpeningStatus {
  const at = (
    typeof instant === 'string' ? Temporal.Instant.from(instant) : instant
  ).toZonedDateTimeISO(timeZone);
  const today = at.toPlainDate();
  const nowMinutes = at.hour * 60 + at.minute;
  const sorted = sortWindows(windows);
  const todaysClosure = closureOn(closures, today.toString());

  if (!todaysClosure) {
    const current = sorted.find(
      (w) =>
        w.weekday === today.dayOfWeek &&
        minutesOfDay(w.opens) <= nowMinutes &&
        nowMinutes < minutesOfDay(w.closes),
    );
    if (current) return { state: 'open', closesAt: current.closes };
  }

  for (let offset = 0; offset <= HORIZON_DAYS; offset++) {
    const day = today.add({ days: offset });
    if (closureOn(closures, day.toString())) continue;
    const next = sorted.find(
      (w) => w.weekday === day.dayOfWeek && (offset > 0 || minutesOfDay(w.opens) > nowMinutes),
    );
    if (next) {
      return {
        state: 'closed',
        ...(todaysClosure ? { closureReason: todaysClosure.reason } : {}),
        nextOpening: { date: day.toString(), weekday: day.dayOfWeek, opens: next.opens },
      };
    }
  }
  return {
    state: 'closed',
    ...(todaysClosure ? { closureReason: todaysClosure.reason } : {}),
    nextOpening: null,
  };
}
