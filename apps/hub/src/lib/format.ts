import { minutesOfDay, type OpeningWindow, sortWindows } from '@lakou/domain/network';
import { Temporal } from 'temporal-polyfill';

/*
 * Display helpers for the network screens. They take the Intl locale explicitly and never read
 * the browser's time zone: wall-clock values ("08:00", "2025-12-24") are formatted as given,
 * in UTC, so no zone can shift them.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** "HH:MM" wall-clock time in the locale's 24-hour style. */
export function formatClockTime(time: string, locale: string): string {
  const minutes = minutesOfDay(time);
  return dateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(Date.UTC(1970, 0, 1, Math.floor(minutes / 60), minutes % 60));
}

/** The name of an ISO weekday (1 = Monday … 7 = Sunday). */
export function weekdayName(
  weekday: number,
  locale: string,
  { capitalised = false }: { capitalised?: boolean } = {},
): string {
  // 2024-01-01 was a Monday.
  const name = dateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, weekday),
  );
  return capitalised ? capitalise(name, locale) : name;
}

/** A calendar date "YYYY-MM-DD", e.g. "mercredi 24 décembre 2025". */
export function formatDate(
  date: string,
  locale: string,
  { withWeekday = true }: { withWeekday?: boolean } = {},
): string {
  const day = Temporal.PlainDate.from(date);
  return dateTimeFormat(locale, {
    ...(withWeekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(day.year, day.month - 1, day.day));
}

/** The windows of one day, e.g. "08:00 – 12:00, 14:00 – 19:30". */
export function formatWindows(
  windows: readonly Pick<OpeningWindow, 'opens' | 'closes'>[],
  locale: string,
): string {
  return windows
    .map((w) => `${formatClockTime(w.opens, locale)} – ${formatClockTime(w.closes, locale)}`)
    .join(', ');
}

export interface DaySchedule {
  weekday: number;
  dayName: string;
  /** Each window of the day formatted, e.g. ["08:00 – 12:00", "14:00 – 19:30"]; empty when closed. */
  windows: string[];
  /** The day's windows joined, or null when the centre is closed all day. */
  hours: string | null;
}

/** The seven days of the week, Monday first, each with its formatted windows. */
export function weeklySchedule(windows: readonly OpeningWindow[], locale: string): DaySchedule[] {
  const sorted = sortWindows(windows);
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
    const ofDay = sorted.filter((w) => w.weekday === weekday);
    return {
      weekday,
      dayName: weekdayName(weekday, locale, { capitalised: true }),
      windows: ofDay.map((w) => formatWindows([w], locale)),
      hours: ofDay.length > 0 ? formatWindows(ofDay, locale) : null,
    };
  });
}

/** "UTC−3", "UTC+2", "UTC+5:30" or "UTC": the zone's offset at that instant (with a real minus). */
export function timeZoneOffsetLabel(timeZone: string, instant: Temporal.Instant): string {
  const nanoseconds = instant.toZonedDateTimeISO(timeZone).offsetNanoseconds;
  if (nanoseconds === 0) return 'UTC';
  const totalMinutes = Math.round(Math.abs(nanoseconds) / 60e9);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const sign = nanoseconds < 0 ? '\u2212' : '+';
  return `UTC${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** The zone's name at that instant in the locale, with its offset, e.g. "Heure de la Guyane française (UTC−3)". */
export function timeZoneLabel(timeZone: string, instant: Temporal.Instant, locale: string): string {
  const offset = timeZoneOffsetLabel(timeZone, instant);
  const name = dateTimeFormat(locale, { timeZone, timeZoneName: 'long' })
    .formatToParts(instant.epochMilliseconds)
    .find((part) => part.type === 'timeZoneName')?.value;
  // Without a localised name, the runtime answers with an offset ("GMT-3"): show ours only.
  if (!name || /^(GMT|UTC)/.test(name)) return `${timeZone} (${offset})`;
  return `${capitalise(name, locale)} (${offset})`;
}

export type RelativeDay = 'today' | 'tomorrow' | 'thisWeek' | 'later';

/** Where `date` falls from `today` (both "YYYY-MM-DD" in the same calendar). */
export function relativeDay(date: string, today: string): RelativeDay {
  const days = Temporal.PlainDate.from(today).until(Temporal.PlainDate.from(date)).days;
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days < 7) return 'thisWeek';
  return 'later';
}

/** Formats an integer with the locale's digit grouping. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** The network's own zone: instants with no centre attached (audit, sign-ins) are shown in it. */
export const NETWORK_TIME_ZONE = 'America/Cayenne';

export type InstantStyle = 'date' | 'dateTime' | 'dateTimeSeconds';

/**
 * An instant (ISO 8601 with offset, as the API sends `timestamptz`) as a wall-clock reading in
 * `timeZone` — never the browser's zone: "12 mars 2026", "12/03/2026 14:05" or with seconds.
 */
export function formatInstant(
  iso: string,
  locale: string,
  style: InstantStyle = 'dateTime',
  timeZone: string = NETWORK_TIME_ZONE,
): string {
  const ms = Temporal.Instant.from(iso).epochMilliseconds;
  const options: Intl.DateTimeFormatOptions =
    style === 'date'
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone }
      : {
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          ...(style === 'dateTimeSeconds' ? { second: '2-digit' } : {}),
          hourCycle: 'h23',
          timeZone,
        };
  return dateTimeFormat(locale, options).format(ms);
}

/**
 * The instants bounding calendar days in `timeZone`, as ISO strings with offset for the API:
 * `from` is the first instant of its day, `to` the last millisecond of its day. Either may be
 * left out; an invalid date gives `undefined`.
 */
export function dayBounds(
  from: string | undefined,
  to: string | undefined,
  timeZone: string = NETWORK_TIME_ZONE,
): { from?: string; to?: string } {
  const startOf = (date: string) =>
    Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).toString({
      timeZoneName: 'never',
      smallestUnit: 'second',
    });
  const endOf = (date: string) =>
    Temporal.PlainDate.from(date)
      .add({ days: 1 })
      .toZonedDateTime({ timeZone })
      .subtract({ milliseconds: 1 })
      .toString({ timeZoneName: 'never', smallestUnit: 'millisecond' });
  const safe = (fn: (d: string) => string, date: string | undefined) => {
    if (!date) return undefined;
    try {
      return fn(date);
    } catch {
      return undefined;
    }
  };
  const bounds: { from?: string; to?: string } = {};
  const start = safe(startOf, from);
  const end = safe(endOf, to);
  if (start) bounds.from = start;
  if (end) bounds.to = end;
  return bounds;
}
