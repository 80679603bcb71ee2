import type {
  Agreement,
  CaseFacts,
  CaseStage,
  CircleCase,
  CircleSession,
  Participant,
} from '@lakou/domain/circles';
import { Temporal } from 'temporal-polyfill';

/*
 * Pure helpers of the circles pages: the facts the domain's `judgeCaseMove` needs, built from
 * what the hub has loaded exactly as the API builds them, the stage timeline and the day
 * bounds of an availability search. No React: unit-tested in Node.
 */

/** The path of a case that runs to its end; « abandonné » replaces what was not reached. */
export const STAGE_PATH = ['intake', 'pre_circles', 'circle', 'post_circle', 'closed'] as const;

/** The next stage of an open case, or null when it is closed or abandoned. */
export function nextStage(stage: CaseStage): (typeof STAGE_PATH)[number] | null {
  const at = (STAGE_PATH as readonly CaseStage[]).indexOf(stage);
  if (at < 0 || at >= STAGE_PATH.length - 1) return null;
  return STAGE_PATH[at + 1] ?? null;
}

export interface TimelineStep {
  stage: CaseStage;
  state: 'done' | 'current' | 'upcoming' | 'skipped';
}

/**
 * The steps to show: the full path with the current one marked; an abandoned case shows the
 * stages it went through… as far as we know it (the API keeps only the last stage), then
 * « abandonné » as the current step.
 */
export function timeline(stage: CaseStage): TimelineStep[] {
  if (stage === 'abandoned') {
    return [
      ...STAGE_PATH.slice(0, -1).map((s) => ({ stage: s, state: 'skipped' as const })),
      { stage: 'abandoned', state: 'current' },
    ];
  }
  const at = (STAGE_PATH as readonly CaseStage[]).indexOf(stage);
  return STAGE_PATH.map((s, i) => ({
    stage: s,
    state: i < at ? 'done' : i === at ? 'current' : 'upcoming',
  }));
}

/** The facts the domain judges a move on, computed like the API does (held sessions only). */
export function caseFactsOf(
  found: Pick<CircleCase, 'stage'>,
  participants: readonly Pick<Participant, 'id' | 'role' | 'consent'>[],
  sessions: readonly Pick<CircleSession, 'kind' | 'status' | 'participantIds'>[],
  agreements: readonly Pick<Agreement, 'outcome'>[],
): CaseFacts {
  const held = sessions.filter((s) => s.status === 'held');
  return {
    stage: found.stage,
    participants: participants.map((p) => ({
      role: p.role,
      consent: p.consent,
      hadPreCircle: held.some((s) => s.kind === 'pre_circle' && s.participantIds.includes(p.id)),
    })),
    circleHeld: held.some((s) => s.kind === 'circle'),
    postCircleHeld: held.some((s) => s.kind === 'post_circle'),
    agreements: agreements.map((a) => ({ outcome: a.outcome })),
  };
}

/** The first and last instants of a calendar day in the centre's zone, for the API. */
export function dayWindow(date: string, timeZone: string): { from: string; to: string } {
  const day = Temporal.PlainDate.from(date);
  const iso = (z: Temporal.ZonedDateTime) =>
    z.toString({ timeZoneName: 'never', smallestUnit: 'second' });
  return {
    from: iso(day.toZonedDateTime({ timeZone })),
    to: iso(day.add({ days: 1 }).toZonedDateTime({ timeZone })),
  };
}

/** "HH:MM" on the centre's clock. */
export function clockIn(iso: string, timeZone: string): string {
  const z = Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone);
  return `${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
}

/** The calendar day of an instant in the centre's zone. */
export function dayIn(iso: string, timeZone: string): string {
  return Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** Minutes between two instants. */
export function minutesBetween(start: string, end: string): number {
  return Math.round(
    (Temporal.Instant.from(end).epochMilliseconds -
      Temporal.Instant.from(start).epochMilliseconds) /
      60_000,
  );
}

/** Whether a text is a calendar date "YYYY-MM-DD". */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** Live sessions (not cancelled) that start after `now`, soonest first. */
export function upcoming<T extends Pick<CircleSession, 'start' | 'status'>>(
  sessions: readonly T[],
  now: number,
): T[] {
  return sessions
    .filter(
      (s) => s.status === 'scheduled' && Temporal.Instant.from(s.start).epochMilliseconds > now,
    )
    .sort(
      (a, b) =>
        Temporal.Instant.from(a.start).epochMilliseconds -
        Temporal.Instant.from(b.start).epochMilliseconds,
    );
}
