import { z } from 'zod';
import { customValuesInput } from '../config/custom-values.ts';
import type { Closure } from '../network/closure.ts';
import type { OpeningWindow } from '../network/opening-hours.ts';
import { basicNeed, basicNeedList } from '../shared/basic-needs.ts';
import { uuid } from '../shared/ids.ts';
import { pageQuery } from '../shared/pagination.ts';
import { outsideBookableHours } from './availability.ts';
import { bookingStatus } from './booking-status.ts';
import { instant, instantMs } from './instant.ts';
import { durationMinutes } from './interval.ts';
import { recurrenceInput } from './recurrence.ts';
import { effectiveBookableHours, type Resource } from './resource.ts';
import { audience } from './tariff.ts';

export const organiserKinds = ['user', 'member', 'partner'] as const;

/** Who a booking is for: a Lakou user, a member of the centre, or a partner organisation. */
export const organiser = z
  .object({
    kind: z.enum(organiserKinds, {
      error: `Type d’organisateur attendu : ${organiserKinds.join(', ')}.`,
    }),
    id: uuid.optional().describe('The user’s, member’s or partner’s id, when Lakou knows them.'),
    name: z
      .string({ error: 'Indiquez le nom de l’organisateur.' })
      .trim()
      .min(2, { error: 'Le nom de l’organisateur compte au moins 2 caractères.' })
      .max(120, { error: 'Le nom de l’organisateur compte au plus 120 caractères.' }),
  })
  .meta({ id: 'Organiser' });
export type Organiser = z.infer<typeof organiser>;

const bookingFields = {
  resourceId: uuid,
  start: instant,
  end: instant,
  organiser,
  purpose: z
    .string({ error: 'Indiquez l’objet de la réservation.' })
    .trim()
    .min(2, { error: 'L’objet de la réservation compte au moins 2 caractères.' })
    .max(500, { error: 'L’objet de la réservation compte au plus 500 caractères.' }),
  headcount: z
    .number({ error: 'Nombre de personnes attendu.' })
    .int({ error: 'Le nombre de personnes est un entier.' })
    .min(1, { error: 'Au moins 1 personne.' })
    .max(10_000, { error: 'Nombre de personnes trop élevé.' }),
  basicNeeds: basicNeedList.default([]).describe('The basic needs the booking serves.'),
  audience,
  custom: customValuesInput
    .optional()
    .describe('Values of the custom fields that apply in the resource’s centre, by key.'),
};

/** What someone sends to book a resource over the half-open interval [start, end). */
export const bookingInput = z
  .object(bookingFields)
  .refine((b) => instantMs(b.end) > instantMs(b.start), {
    error: 'La fin de la réservation doit suivre son début.',
    path: ['end'],
  });
export type BookingInput = z.infer<typeof bookingInput>;

/**
 * What someone sends to book a resource again and again: the booking without its times, and the
 * recurrence that gives them (expanded in the centre's time zone by `expandOccurrences`).
 */
export const bookingSeriesInput = z.object({
  resourceId: bookingFields.resourceId,
  organiser: bookingFields.organiser,
  purpose: bookingFields.purpose,
  headcount: bookingFields.headcount,
  basicNeeds: bookingFields.basicNeeds,
  audience: bookingFields.audience,
  custom: bookingFields.custom,
  recurrence: recurrenceInput,
});
export type BookingSeriesInput = z.infer<typeof bookingSeriesInput>;

export const bookingSeries = z
  .object({
    id: uuid,
    resourceId: uuid,
    rule: z.string().describe('Canonical RFC 5545 RRULE text.'),
    firstStart: z.string().describe('Local date-time of the first occurrence.'),
    durationMinutes: z.number().int(),
    timeZone: z.string().describe('The centre’s time zone the rule is expanded in.'),
    exceptions: z.array(z.string()).describe('Local dates skipped.'),
  })
  .meta({ id: 'BookingSeries' });
export type BookingSeries = z.infer<typeof bookingSeries>;

export const booking = z
  .object({
    id: uuid,
    centreId: uuid,
    resourceId: uuid,
    start: z.string().describe('ISO 8601 instant; the booking runs over [start, end).'),
    end: z.string(),
    status: bookingStatus,
    organiser,
    purpose: z.string(),
    headcount: z.number().int(),
    basicNeeds: z.array(basicNeed),
    audience,
    priceCents: z.number().int().min(0),
    seriesId: uuid.nullable().describe('The recurring series the booking belongs to, if any.'),
    cancelReason: z.string().nullable(),
    custom: z
      .record(z.string(), z.unknown())
      .describe('Values of the custom fields that apply in the centre, by key.'),
  })
  .meta({ id: 'Booking' });
export type Booking = z.infer<typeof booking>;

/**
 * What changes a booking: its times (moved or resized, both together) and/or its custom values
 * (only the keys sent are checked; null erases an optional one).
 */
export const bookingPatch = z
  .object({
    start: instant.optional(),
    end: instant.optional(),
    custom: bookingFields.custom,
  })
  .superRefine((m, ctx) => {
    if ((m.start === undefined) !== (m.end === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [m.start === undefined ? 'start' : 'end'],
        message: 'Le début et la fin se changent ensemble.',
      });
    } else if (
      m.start !== undefined &&
      m.end !== undefined &&
      instantMs(m.end) <= instantMs(m.start)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'La fin de la réservation doit suivre son début.',
      });
    }
    if (m.start === undefined && m.custom === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'Rien à changer.' });
    }
  })
  .meta({ id: 'BookingPatch' });
export type BookingPatch = z.infer<typeof bookingPatch>;

export const bookingListQuery = pageQuery.extend({
  centreId: uuid.optional(),
  resourceId: uuid.optional(),
  status: bookingStatus.optional(),
  from: instant.optional().describe('Bookings ending after this instant.'),
  to: instant.optional().describe('Bookings starting before this instant.'),
});
export type BookingListQuery = z.infer<typeof bookingListQuery>;

/** One rule a booking breaks, on a field of the input (the shape of a problem document's errors). */
export interface BookingProblem {
  field: string;
  message: string;
}

/** The centre's calendar, when the booking's hours are to be checked as well. */
export interface CentreCalendar {
  timeZone: string;
  /** The centre's opening hours, used when the resource has no bookable hours of its own. */
  openingHours: readonly OpeningWindow[];
  /** Closures of the centre and of the resource, in local dates. */
  closures: readonly Pick<Closure, 'startsOn' | 'endsOn' | 'reason'>[];
}

function formatMinutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

/**
 * The rules of the resource a booking breaks, in French, or an empty list. Pass the centre's
 * calendar to check bookable hours and closures too. Conflicts with other bookings are checked
 * apart (`findConflicts`), against the bookings of the moment.
 */
export function validateAgainstResource(
  input: Pick<BookingInput, 'start' | 'end' | 'headcount'>,
  resource: Pick<
    Resource,
    'capacity' | 'minDurationMinutes' | 'maxDurationMinutes' | 'active' | 'bookableHours' | 'name'
  >,
  calendar?: CentreCalendar,
): BookingProblem[] {
  const problems: BookingProblem[] = [];
  if (!resource.active) {
    problems.push({
      field: 'resourceId',
      message: `« ${resource.name} » n’est plus proposée à la réservation.`,
    });
  }
  if (input.headcount > resource.capacity) {
    problems.push({
      field: 'headcount',
      message: `${input.headcount} personnes, pour une capacité de ${resource.capacity}.`,
    });
  }
  const minutes = durationMinutes(input);
  if (minutes > 0 && minutes % 5 !== 0) {
    problems.push({
      field: 'end',
      message: 'La durée de la réservation est un multiple de 5 minutes.',
    });
  }
  if (minutes < resource.minDurationMinutes) {
    problems.push({
      field: 'end',
      message: `Durée trop courte : au moins ${formatMinutes(resource.minDurationMinutes)} pour cette ressource.`,
    });
  } else if (minutes > resource.maxDurationMinutes) {
    problems.push({
      field: 'end',
      message: `Durée trop longue : au plus ${formatMinutes(resource.maxDurationMinutes)} pour cette ressource.`,
    });
  }
  if (calendar && minutes > 0) {
    const hours = effectiveBookableHours(resource, calendar.openingHours);
    const reason = outsideBookableHours(input, hours, calendar.closures, calendar.timeZone);
    if (reason) problems.push({ field: 'start', message: reason });
  }
  return problems;
}
