import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';

/**
 * Recurring bookings: the subset of RFC 5545 RRULE that Lakou accepts, read, checked and written
 * back as text. Expanding a rule into occurrences lives apart, in `occurrences.ts` (it needs
 * `rrule-temporal`, some 56 KB gzip): this file, and the booking schemas that import it, stay light
 * enough for the hub's first paint.
 */

/** The most occurrences one series (or one expansion window) may hold. */
export const MAX_OCCURRENCES = 500;

export const recurrenceFrequencies = ['DAILY', 'WEEKLY', 'MONTHLY'] as const;
export type RecurrenceFrequency = (typeof recurrenceFrequencies)[number];

export const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof weekdayCodes)[number];

export interface RecurrenceRule {
  freq: RecurrenceFrequency;
  interval: number;
  /** Weekdays; `ordinal` (1 = first, -1 = last of the month) only with MONTHLY. */
  byDay: { weekday: WeekdayCode; ordinal: number | null }[];
  /** Days of the month, 1 to 31 or -1 (last) to -31. */
  byMonthDay: number[];
  count: number | null;
  /**
   * Last day of the series: a local date `YYYY-MM-DD` (included, in the centre's calendar) or an
   * instant `YYYY-MM-DDTHH:MM:SSZ` as RFC 5545 writes UNTIL.
   */
  until: string | null;
  /** Week start, only meaningful for WEEKLY with INTERVAL > 1 (default Monday). */
  wkst: WeekdayCode | null;
}

const supportedParts = ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'WKST'];
const unsupportedParts = [
  'BYSECOND',
  'BYMINUTE',
  'BYHOUR',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'RSCALE',
  'SKIP',
];

function isWeekdayCode(code: string): code is WeekdayCode {
  return (weekdayCodes as readonly string[]).includes(code);
}

/** `YYYYMMDD` → `YYYY-MM-DD` if it names a real day, else null. */
function basicDate(text: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  try {
    return Temporal.PlainDate.from(
      { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) },
      { overflow: 'reject' },
    ).toString();
  } catch {
    return null;
  }
}

/** `YYYYMMDDTHHMMSSZ` → `YYYY-MM-DDTHH:MM:SSZ` if it names a real instant, else null. */
function basicUtcDateTime(text: string): string | null {
  const m = /^(\d{8})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  const date = m?.[1] ? basicDate(m[1]) : null;
  if (!m || !date || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 59) return null;
  return `${date}T${m[2]}:${m[3]}:${m[4]}Z`;
}

function positiveInteger(text: string): number | null {
  return /^\d{1,6}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

/** Reads RRULE text into a rule, or lists in French what it cannot accept. */
export function readRecurrenceRule(
  text: string,
): { rule: RecurrenceRule } | { problems: string[] } {
  const problems: string[] = [];
  const body = text
    .trim()
    .replace(/^RRULE:/i, '')
    .trim();
  if (body === '')
    return { problems: ['Indiquez une règle de récurrence (ex. FREQ=WEEKLY;BYDAY=MO).'] };

  const values = new Map<string, string>();
  for (const part of body.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) {
      problems.push(`« ${part} » n’est pas de la forme NOM=VALEUR.`);
      continue;
    }
    const name = part.slice(0, eq).trim().toUpperCase();
    const value = part
      .slice(eq + 1)
      .trim()
      .toUpperCase();
    if (unsupportedParts.includes(name)) {
      problems.push(
        `La partie ${name} n’est pas prise en charge (parties possibles : ${supportedParts.join(', ')}).`,
      );
    } else if (!supportedParts.includes(name)) {
      problems.push(`Partie de règle inconnue : ${name}.`);
    } else if (values.has(name)) {
      problems.push(`La partie ${name} figure deux fois.`);
    } else {
      values.set(name, value);
    }
  }

  const freqText = values.get('FREQ');
  let freq: RecurrenceFrequency | null = null;
  if (freqText === undefined) {
    problems.push('Indiquez la fréquence (FREQ=DAILY, WEEKLY ou MONTHLY).');
  } else if ((recurrenceFrequencies as readonly string[]).includes(freqText)) {
    freq = freqText as RecurrenceFrequency;
  } else {
    problems.push(
      `La fréquence ${freqText} n’est pas prise en charge (DAILY, WEEKLY ou MONTHLY seulement).`,
    );
  }

  let interval = 1;
  const intervalText = values.get('INTERVAL');
  if (intervalText !== undefined) {
    const n = positiveInteger(intervalText);
    if (n === null || n > 365) problems.push('INTERVAL est un entier entre 1 et 365.');
    else interval = n;
  }

  let count: number | null = null;
  const countText = values.get('COUNT');
  if (countText !== undefined) {
    const n = positiveInteger(countText);
    if (n === null || n > MAX_OCCURRENCES) {
      problems.push(`COUNT est un nombre d’occurrences entre 1 et ${MAX_OCCURRENCES}.`);
    } else count = n;
  }

  let until: string | null = null;
  const untilText = values.get('UNTIL');
  if (untilText !== undefined) {
    until = basicDate(untilText) ?? basicUtcDateTime(untilText);
    if (until === null) {
      problems.push('UNTIL s’écrit AAAAMMJJ (date incluse) ou AAAAMMJJTHHMMSSZ (heure UTC).');
    }
  }
  if (countText !== undefined && untilText !== undefined) {
    problems.push('COUNT et UNTIL ne peuvent pas figurer ensemble : choisissez l’un des deux.');
  }

  const byDay: RecurrenceRule['byDay'] = [];
  const byDayText = values.get('BYDAY');
  if (byDayText !== undefined) {
    for (const item of byDayText.split(',')) {
      const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item.trim());
      const code = m?.[2] ?? '';
      if (!m || !isWeekdayCode(code)) {
        problems.push(`BYDAY : « ${item} » n’est pas un jour (MO, TU, WE, TH, FR, SA, SU).`);
        continue;
      }
      const ordinal = m[1] === undefined ? null : Number(m[1]);
      if (ordinal !== null && freq !== 'MONTHLY') {
        problems.push(
          `BYDAY : un rang comme « ${item} » (1MO, -1FR) ne vaut qu’avec FREQ=MONTHLY.`,
        );
      } else if (ordinal !== null && (ordinal === 0 || Math.abs(ordinal) > 5)) {
        problems.push(`BYDAY : le rang de « ${item} » va de 1 à 5, ou de -1 à -5 depuis la fin.`);
      } else if (byDay.some((d) => d.weekday === code && d.ordinal === ordinal)) {
        problems.push(`BYDAY : « ${item} » figure deux fois.`);
      } else {
        byDay.push({ weekday: code, ordinal });
      }
    }
  }

  const byMonthDay: number[] = [];
  const byMonthDayText = values.get('BYMONTHDAY');
  if (byMonthDayText !== undefined) {
    if (freq === 'WEEKLY') {
      problems.push('BYMONTHDAY ne s’emploie pas avec FREQ=WEEKLY.');
    }
    for (const item of byMonthDayText.split(',')) {
      const day = /^[+-]?\d{1,2}$/.test(item.trim()) ? Number(item) : Number.NaN;
      if (!(day >= -31 && day <= 31 && day !== 0)) {
        problems.push(`BYMONTHDAY : « ${item} » n’est pas un jour du mois (1 à 31, ou -1 à -31).`);
      } else if (byMonthDay.includes(day)) {
        problems.push(`BYMONTHDAY : « ${item} » figure deux fois.`);
      } else {
        byMonthDay.push(day);
      }
    }
  }

  let wkst: WeekdayCode | null = null;
  const wkstText = values.get('WKST');
  if (wkstText !== undefined) {
    if (isWeekdayCode(wkstText)) wkst = wkstText;
    else problems.push(`WKST : « ${wkstText} » n’est pas un jour (MO à SU).`);
  }

  if (problems.length > 0 || freq === null) return { problems };
  return { rule: { freq, interval, byDay, byMonthDay, count, until, wkst } };
}

/**
 * RRULE text (with or without the `RRULE:` prefix, any case) read into a `RecurrenceRule`. Refuses,
 * in French, what Lakou does not support: other frequencies, BYSETPOS, BYMONTH, BYHOUR…, COUNT with
 * UNTIL, ordinals outside MONTHLY.
 */
export const recurrenceRule = z
  .string({ error: 'Indiquez une règle de récurrence (ex. FREQ=WEEKLY;BYDAY=MO).' })
  .max(500, { error: 'Règle de récurrence trop longue.' })
  .transform((text, ctx): RecurrenceRule => {
    const read = readRecurrenceRule(text);
    if ('rule' in read) return read.rule;
    for (const message of read.problems) ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  })
  .describe(
    'An RFC 5545 RRULE: FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY, BYMONTHDAY, COUNT or UNTIL, WKST.',
  );

/** Checks RRULE text; on success `data` is the rule read from it. */
export function parseRecurrence(text: string) {
  return recurrenceRule.safeParse(text);
}

/** The canonical RRULE text of a rule (without the `RRULE:` prefix), as stored with a series. */
export function formatRecurrence(rule: RecurrenceRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay.length > 0) {
    parts.push(`BYDAY=${rule.byDay.map((d) => `${d.ordinal ?? ''}${d.weekday}`).join(',')}`);
  }
  if (rule.byMonthDay.length > 0) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== null) parts.push(`UNTIL=${rule.until.replace(/[-:]/g, '')}`);
  if (rule.wkst !== null) parts.push(`WKST=${rule.wkst}`);
  return parts.join(';');
}

const localDate = z.iso.date({ error: 'Date au format AAAA-MM-JJ.' });
/** A local date-time without offset (`2026-11-23T18:00`), as a series' first occurrence. */
export const recurrenceFirstStart = z.iso.datetime({
  local: true,
  error: 'Première occurrence : date et heure locales, sans décalage (ex. 2026-11-23T18:00).',
});

/** What someone sends to make a booking recur, beside the booking itself. */
export const recurrenceInput = z
  .object({
    rule: z
      .string({ error: 'Indiquez une règle de récurrence (ex. FREQ=WEEKLY;BYDAY=MO).' })
      .superRefine((text, ctx) => {
        const read = readRecurrenceRule(text);
        if ('problems' in read) {
          for (const message of read.problems) ctx.addIssue({ code: 'custom', message });
        }
      })
      .describe('RFC 5545 RRULE (subset: see recurrenceRule).'),
    firstStart: recurrenceFirstStart.describe(
      'Local date-time of the first occurrence, in the centre’s time zone.',
    ),
    durationMinutes: z
      .number({ error: 'Durée en minutes attendue.' })
      .int({ error: 'Durée en minutes entières.' })
      .min(5, { error: 'Durée d’au moins 5 minutes.' })
      .max(24 * 60, { error: 'Durée de 24 heures au plus.' })
      .multipleOf(5, { error: 'Durée en multiple de 5 minutes.' }),
    exceptions: z
      .array(localDate)
      .max(MAX_OCCURRENCES)
      .default([])
      .describe('Local dates on which the series does not take place (EXDATE).'),
  })
  .meta({ id: 'RecurrenceInput' });
export type RecurrenceInput = z.infer<typeof recurrenceInput>;
