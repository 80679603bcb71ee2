import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import { epochMs, type InstantLike } from './interval.ts';
import {
  formatRecurrence,
  MAX_OCCURRENCES,
  type RecurrenceRule,
  readRecurrenceRule,
  recurrenceFirstStart,
} from './recurrence.ts';

/**
 * A recurring booking's occurrences, expanded in a centre's time zone by `rrule-temporal`. Kept
 * apart from the rules (`recurrence.ts`) so that only code that really expands a series loads the
 * library: the API, and the hub only on demand (`@lakou/domain/booking/occurrences`).
 *
 * `rrule-temporal` carries its own Temporal implementation while Lakou uses `temporal-polyfill`, so
 * nothing crosses between the two as an object: the rule goes in as iCalendar text (DTSTART;TZID=…,
 * RRULE:…) and each occurrence comes out as an ISO string, read back with Lakou's Temporal.
 */

/** A rule that cannot be expanded, or expands to too many occurrences. Its message is French. */
export class RecurrenceError extends Error {
  override name = 'RecurrenceError';
}

export interface ExpandOccurrencesInput {
  /** RRULE text or a rule already read by `recurrenceRule`. */
  rule: string | RecurrenceRule;
  /** Local date-time of the first occurrence (`2026-11-23T18:00`), the series' DTSTART. */
  firstStart: string | Temporal.PlainDateTime;
  durationMinutes: number;
  /** The centre's IANA time zone: occurrences keep their wall-clock time across clock changes. */
  timeZone: string;
  /** Local dates (`YYYY-MM-DD`) skipped. As with EXDATE, they still count towards COUNT. */
  exceptions?: readonly string[];
  /** Keep only occurrences that end after `from`… */
  from?: InstantLike;
  /** …and start before `to`. Required when the rule has neither COUNT nor UNTIL. */
  to?: InstantLike;
  /** Most occurrences returned before giving up with a RecurrenceError (at most MAX_OCCURRENCES). */
  max?: number;
}

export interface Occurrence {
  start: Temporal.Instant;
  end: Temporal.Instant;
}

function basicLocal(dateTime: Temporal.PlainDateTime): string {
  return dateTime.toString({ smallestUnit: 'second' }).replace(/[-:]/g, '').slice(0, 15);
}

/**
 * The occurrences of a recurring booking, in order: each starts at the rule's local wall-clock
 * time in `timeZone` (18:00 stays 18:00 when Paris changes clocks) and lasts `durationMinutes`.
 * A first start that does not match the rule is not an occurrence (keep DTSTART in step with the
 * rule); a local time that does not exist on a given day (spring-forward gap) is skipped, as RFC
 * 5545 says. Throws a RecurrenceError (French message) for a bad rule, an endless rule without
 * `to`, or more than `max` occurrences in the window.
 */
export function expandOccurrences(input: ExpandOccurrencesInput): Occurrence[] {
  const rule =
    typeof input.rule === 'string' ? readRecurrenceRule(input.rule) : { rule: input.rule };
  if ('problems' in rule) throw new RecurrenceError(rule.problems.join(' '));
  const max = Math.min(input.max ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
  const toMs = input.to === undefined ? null : epochMs(input.to);
  const fromMs = input.from === undefined ? null : epochMs(input.from);
  if (rule.rule.count === null && rule.rule.until === null && toMs === null) {
    throw new RecurrenceError(
      'Une série sans fin (ni COUNT ni UNTIL) ne se déroule que sur une période : indiquez sa fin.',
    );
  }
  if (!(input.durationMinutes > 0)) {
    throw new RecurrenceError('La durée de chaque occurrence doit être positive.');
  }

  let firstStart: Temporal.PlainDateTime;
  if (typeof input.firstStart === 'string') {
    const checked = recurrenceFirstStart.safeParse(input.firstStart);
    if (!checked.success) throw new RecurrenceError(checked.error.issues[0]?.message);
    firstStart = Temporal.PlainDateTime.from(checked.data);
  } else {
    firstStart = input.firstStart;
  }
  // UNTIL as a local date means "up to the end of that day" in the centre's calendar; the library
  // wants a UTC instant with a zoned DTSTART, so the conversion is done here.
  let untilUtc = rule.rule.until;
  if (untilUtc !== null && untilUtc.length === 10) {
    untilUtc = Temporal.PlainDate.from(untilUtc)
      .add({ days: 1 })
      .toZonedDateTime({ timeZone: input.timeZone })
      .toInstant()
      .subtract({ seconds: 1 })
      .toString({ smallestUnit: 'second' });
  }
  const ics = `DTSTART;TZID=${input.timeZone}:${basicLocal(firstStart)}\nRRULE:${formatRecurrence({
    ...rule.rule,
    until: untilUtc,
  })}`;

  const skipped = new Set(input.exceptions ?? []);
  const durationMs = input.durationMinutes * 60_000;
  const occurrences: Occurrence[] = [];
  let tooMany = false;
  try {
    new RRuleTemporal({ rruleString: ics, cache: false }).all((generated) => {
      const start = Temporal.ZonedDateTime.from(generated.toString());
      const startMs = start.epochMilliseconds;
      if (toMs !== null && startMs >= toMs) return false;
      if (fromMs !== null && startMs + durationMs <= fromMs) return true;
      if (skipped.has(start.toPlainDate().toString())) return true;
      if (occurrences.length === max) {
        tooMany = true;
        return false;
      }
      occurrences.push({
        start: start.toInstant(),
        end: Temporal.Instant.fromEpochMilliseconds(startMs + durationMs),
      });
      return true;
    });
  } catch (error) {
    if (error instanceof RecurrenceError) throw error;
    throw new RecurrenceError(
      'Cette règle ne se laisse pas dérouler (trop d’itérations ou date introuvable) : simplifiez-la.',
    );
  }
  if (tooMany) {
    throw new RecurrenceError(
      `La série compte plus de ${max} occurrences : raccourcissez-la (COUNT, UNTIL) ou la période.`,
    );
  }
  return occurrences;
}
