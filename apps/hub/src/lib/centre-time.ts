import { Temporal } from 'temporal-polyfill';

/*
 * A time span read on a centre's wall clock. Kept apart from `agenda.ts` (which imports the
 * domain's booking rules): `events.ts` and the pages that only show a span load this file alone.
 */

const formats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/**
 * A booking's time span read on the centre's clock: « mardi 8 décembre 2026, 09:00 – 11:00 »,
 * with both dates when it spans midnight.
 */
export function formatCentreRange(
  start: string,
  end: string,
  timeZone: string,
  locale: string,
): string {
  const from = Temporal.Instant.from(start).toZonedDateTimeISO(timeZone);
  const to = Temporal.Instant.from(end).toZonedDateTimeISO(timeZone);
  const day = dateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  });
  const time = dateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const startText = `${day.format(from.epochMilliseconds)}, ${time.format(from.epochMilliseconds)}`;
  // The end is exclusive: a booking that ends at midnight ends on the day it started.
  const lastDay = to.subtract({ nanoseconds: 1 }).toPlainDate();
  if (Temporal.PlainDate.compare(from.toPlainDate(), lastDay) === 0) {
    return `${startText} – ${time.format(to.epochMilliseconds)}`;
  }
  return `${startText} – ${day.format(to.epochMilliseconds)}, ${time.format(to.epochMilliseconds)}`;
}
