import {
  formatRecurrence,
  MAX_OCCURRENCES,
  type OccurrenceVerdict,
  type RecurrenceFrequency,
  type WeekdayCode,
  weekdayCodes,
} from '@lakou/domain/booking/rules';
import type { TFunction } from 'i18next';
import { Temporal } from 'temporal-polyfill';

/*
 * Pure helpers of the series editor: the recurrence the form describes, as the RRULE text the
 * API reads (the domain's `formatRecurrence`), and as a sentence a manager reads. No React here.
 */

export type SeriesEnd = { kind: 'count'; count: number } | { kind: 'until'; until: string };

/** What the series editor's recurrence fields hold. */
export interface SeriesRuleSpec {
  freq: RecurrenceFrequency;
  interval: number;
  /** Weekdays of a weekly series. */
  weekdays: WeekdayCode[];
  /** Day of the month (1–31) of a monthly series. */
  monthDay: number;
  end: SeriesEnd;
}

/** The weekday code (MO…SU) of a local date `YYYY-MM-DD`, or null if it is not a date. */
export function weekdayOf(date: string): WeekdayCode | null {
  return isDate(date) ? (weekdayCodes[Temporal.PlainDate.from(date).dayOfWeek - 1] ?? null) : null;
}

/** The day of the month of a local date `YYYY-MM-DD`, or null if it is not a date. */
export function monthDayOf(date: string): number | null {
  return isDate(date) ? Temporal.PlainDate.from(date).day : null;
}

/** The RFC 5545 RRULE text of the editor's recurrence (weekdays in calendar order). */
export function ruleText(spec: SeriesRuleSpec): string {
  const byDay =
    spec.freq === 'WEEKLY'
      ? weekdayCodes
          .filter((code) => spec.weekdays.includes(code))
          .map((weekday) => ({ weekday, ordinal: null }))
      : [];
  return formatRecurrence({
    freq: spec.freq,
    interval: spec.interval,
    byDay,
    byMonthDay: spec.freq === 'MONTHLY' ? [spec.monthDay] : [],
    count: spec.end.kind === 'count' ? spec.end.count : null,
    until: spec.end.kind === 'until' ? spec.end.until : null,
    wkst: null,
  });
}

/** `HH:MM` plus a duration, on a 24-hour clock (a series ending after midnight wraps). */
export function endTime(time: string, durationMinutes: number): string {
  return Temporal.PlainTime.from(time)
    .add({ minutes: durationMinutes })
    .toString({ smallestUnit: 'minute' });
}

/** The first occurrence of a series: resource, local date and time, duration. */
export interface SeriesStart {
  resourceId: string;
  /** Local date `YYYY-MM-DD` and time `HH:MM` in the centre's zone. */
  date: string;
  time: string;
  durationMinutes: number;
}

/** A slot picked in the calendar (ISO instants), read on the centre's clock as a first occurrence. */
export function startFromSlot(
  slot: { resourceId: string; start: string; end: string },
  timeZone: string,
): SeriesStart {
  const start = Temporal.Instant.from(slot.start).toZonedDateTimeISO(timeZone);
  const minutes =
    (Temporal.Instant.from(slot.end).epochMilliseconds - start.epochMilliseconds) / 60_000;
  return {
    resourceId: slot.resourceId,
    date: start.toPlainDate().toString(),
    time: start.toPlainTime().toString({ smallestUnit: 'minute' }),
    durationMinutes: Math.max(5, Math.round(minutes / 5) * 5),
  };
}

/** The first occurrence as the API wants it: local date-time, no offset (`2027-03-09T18:00`). */
export function firstStartOf(date: string, time: string): string {
  return `${date}T${time}`;
}

/** Problems with the editor's recurrence, as keys of the `series.problems` catalog. */
export type RuleProblem =
  | 'interval'
  | 'weekdays'
  | 'monthDay'
  | 'count'
  | 'until'
  | 'untilBeforeStart'
  | 'date'
  | 'time'
  | 'duration';

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

const wholeIn = (n: number, min: number, max: number) =>
  Number.isInteger(n) && n >= min && n <= max;

/** What stops the editor from asking for a preview (the API checks the same, in more words). */
export function ruleProblems(
  spec: SeriesRuleSpec,
  first: { date: string; time: string; durationMinutes: number },
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!isDate(first.date)) problems.push('date');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(first.time)) problems.push('time');
  if (!wholeIn(first.durationMinutes, 5, 24 * 60) || first.durationMinutes % 5 !== 0) {
    problems.push('duration');
  }
  if (!wholeIn(spec.interval, 1, 365)) problems.push('interval');
  if (spec.freq === 'WEEKLY' && spec.weekdays.length === 0) problems.push('weekdays');
  if (spec.freq === 'MONTHLY' && !wholeIn(spec.monthDay, 1, 31)) problems.push('monthDay');
  if (spec.end.kind === 'count' && !wholeIn(spec.end.count, 1, MAX_OCCURRENCES)) {
    problems.push('count');
  }
  if (spec.end.kind === 'until') {
    if (!isDate(spec.end.until)) problems.push('until');
    else if (isDate(first.date) && spec.end.until < first.date) problems.push('untilBeforeStart');
  }
  return problems;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formats.set(key, found);
  }
  return found;
}

/** A local calendar date in words: « mardi 9 mars 2027 ». */
export function formatLocalDate(date: string, locale: string): string {
  const d = Temporal.PlainDate.from(date);
  const ms = Date.UTC(d.year, d.month - 1, d.day);
  return format(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(ms);
}

/** The weekday's name: « mardi », "Tuesday". */
export function weekdayName(code: WeekdayCode, locale: string): string {
  // 2024-01-01 was a Monday.
  return format(locale, { weekday: 'long' }).format(
    Date.UTC(2024, 0, 1 + weekdayCodes.indexOf(code)),
  );
}

/**
 * The recurrence in a sentence: « Chaque semaine, le mardi et le jeudi, de 18:00 à 19:30, à
 * partir du mardi 9 mars 2027, 10 fois. »
 */
export function describeSeries(
  spec: SeriesRuleSpec,
  first: { date: string; time: string; durationMinutes: number },
  t: TFunction,
  locale: string,
): string {
  const every = t(`series.rule.every.${spec.freq}`, { count: spec.interval });
  let rule = every;
  if (spec.freq === 'WEEKLY' && spec.weekdays.length > 0) {
    const days = weekdayCodes
      .filter((code) => spec.weekdays.includes(code))
      .map((code) => t('series.rule.weekdayItem', { day: weekdayName(code, locale) }));
    rule = t('series.rule.onWeekdays', {
      every,
      days: new Intl.ListFormat(locale, { type: 'conjunction' }).format(days),
    });
  } else if (spec.freq === 'MONTHLY') {
    rule =
      spec.monthDay === 1
        ? t('series.rule.onFirstOfMonth', { every })
        : t('series.rule.onMonthDay', { every, day: spec.monthDay });
  }
  const time = t('series.rule.time', {
    start: first.time,
    end: endTime(first.time, first.durationMinutes),
  });
  const from = t('series.rule.from', { date: formatLocalDate(first.date, locale) });
  const end =
    spec.end.kind === 'count'
      ? t('series.rule.count', { count: spec.end.count })
      : t('series.rule.until', { date: formatLocalDate(spec.end.until, locale) });
  return t('series.rule.sentence', { rule, time, from, end });
}

/** One occurrence as the preview judged it. */
export interface JudgedOccurrence {
  date: string;
  verdict: OccurrenceVerdict;
}

/**
 * The local dates to send as `skip`: those the manager ticked among the conflicting ones, and
 * every unavailable one (the API books none of them and would refuse the whole series).
 */
export function skipList(occurrences: readonly JudgedOccurrence[], ticked: ReadonlySet<string>) {
  return occurrences
    .filter(
      (o) =>
        o.verdict === 'unavailable' ||
        o.verdict === 'skipped' ||
        (o.verdict === 'conflict' && ticked.has(o.date)),
    )
    .map((o) => o.date);
}

/** The conflicting occurrences the manager has not yet chosen to skip. */
export function unresolvedConflicts(
  occurrences: readonly JudgedOccurrence[],
  ticked: ReadonlySet<string>,
): JudgedOccurrence[] {
  return occurrences.filter((o) => o.verdict === 'conflict' && !ticked.has(o.date));
}
