import type {
  Agreement,
  CaseFacts,
  CaseStage,
  CircleCase,
  CircleSession,
  Participant,
} from '@lakou/domain/circles';
import type { CustomFieldDefinition } from '@lakou/domain/config';
import { and, asc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import { visibleCustomAt } from '../config/custom-values.ts';
import type { Db } from '../db/client.ts';
import {
  circleAgreements,
  circleCases,
  circleFacilitators,
  circleParticipants,
  circleSessions,
  resources,
  users,
} from '../db/schema/index.ts';

type Reader = Pick<Db, 'select'>;
type CaseRow = typeof circleCases.$inferSelect;

/** The facilitators of a case (ids), for the policy: unknown case → no one. */
export async function facilitatorIdsOf(db: Reader, caseId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: circleFacilitators.userId })
    .from(circleFacilitators)
    .where(eq(circleFacilitators.caseId, caseId));
  return rows.map((r) => r.userId);
}

/**
 * The read models of case rows. `customDefs`: the active intake definitions (any scope) whose
 * values the case routes show to the case's facilitators; without them, `custom` is empty.
 */
export async function toCases(
  db: Reader,
  rows: CaseRow[],
  customDefs: readonly CustomFieldDefinition[] = [],
): Promise<CircleCase[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const people = await db
    .select({ caseId: circleFacilitators.caseId, id: users.id, name: users.name })
    .from(circleFacilitators)
    .innerJoin(users, eq(users.id, circleFacilitators.userId))
    .where(inArray(circleFacilitators.caseId, ids))
    .orderBy(asc(users.name));
  const counts = await db
    .select({
      caseId: circleParticipants.caseId,
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(circleParticipants)
    .where(inArray(circleParticipants.caseId, ids))
    .groupBy(circleParticipants.caseId);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    centreId: r.centreId,
    description: r.description,
    stage: r.stage as CaseStage,
    abandonReason: r.abandonReason,
    facilitators: people.filter((p) => p.caseId === r.id).map(({ id, name }) => ({ id, name })),
    participantCount: counts.find((c) => c.caseId === r.id)?.n ?? 0,
    openedAt: r.openedAt.toISOString(),
    stageChangedAt: r.stageChangedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    purgedAt: r.purgedAt?.toISOString() ?? null,
    custom: visibleCustomAt(customDefs, r.centreId, r.custom),
  }));
}

export async function findCase(
  db: Reader,
  id: string,
  customDefs: readonly CustomFieldDefinition[] = [],
): Promise<CircleCase | null> {
  const rows = await db.select().from(circleCases).where(eq(circleCases.id, id));
  return (await toCases(db, rows, customDefs))[0] ?? null;
}

export async function participantsOf(db: Reader, caseId: string): Promise<Participant[]> {
  const rows = await db
    .select({ p: circleParticipants, recorder: users.name })
    .from(circleParticipants)
    .leftJoin(users, eq(users.id, circleParticipants.consentRecordedBy))
    .where(eq(circleParticipants.caseId, caseId))
    .orderBy(asc(circleParticipants.createdAt), asc(circleParticipants.id));
  return rows.map(({ p, recorder }) => ({
    id: p.id,
    caseId: p.caseId,
    pseudonym: p.pseudonym,
    role: p.role as Participant['role'],
    invitedBy: p.invitedBy,
    consent: p.consent as Participant['consent'],
    consentAt: p.consentAt?.toISOString() ?? null,
    consentRecordedBy: recorder,
    contact: p.contact,
  }));
}

export async function sessionsOf(db: Reader, caseId: string): Promise<CircleSession[]> {
  const rows = await db
    .select({ s: circleSessions, resourceName: resources.name })
    .from(circleSessions)
    .innerJoin(resources, eq(resources.id, circleSessions.resourceId))
    .where(eq(circleSessions.caseId, caseId))
    .orderBy(asc(circleSessions.startsAt), asc(circleSessions.id));
  return rows.map(({ s, resourceName }) => ({
    id: s.id,
    caseId: s.caseId,
    kind: s.kind as CircleSession['kind'],
    resourceId: s.resourceId,
    resourceName,
    bookingId: s.bookingId,
    start: s.startsAt.toISOString(),
    end: s.endsAt.toISOString(),
    status: s.status as CircleSession['status'],
    participantIds: s.participantIds,
  }));
}

export async function agreementsOf(db: Reader, caseId: string): Promise<Agreement[]> {
  const rows = await db
    .select()
    .from(circleAgreements)
    .where(eq(circleAgreements.caseId, caseId))
    .orderBy(asc(circleAgreements.createdAt), asc(circleAgreements.id));
  return rows.map((a) => ({
    id: a.id,
    caseId: a.caseId,
    what: a.what,
    owner: a.owner,
    dueOn: a.dueOn,
    outcome: a.outcome as Agreement['outcome'],
    note: a.note,
    evaluatedAt: a.evaluatedAt?.toISOString() ?? null,
  }));
}

/** What the domain needs to judge a move of the case: consents, sessions held, agreements. */
export async function caseFacts(db: Reader, found: CircleCase): Promise<CaseFacts> {
  const [people, sessions, agreements] = await Promise.all([
    participantsOf(db, found.id),
    sessionsOf(db, found.id),
    agreementsOf(db, found.id),
  ]);
  const held = sessions.filter((s) => s.status === 'held');
  return {
    stage: found.stage,
    participants: people.map((p) => ({
      role: p.role,
      consent: p.consent,
      hadPreCircle: held.some((s) => s.kind === 'pre_circle' && s.participantIds.includes(p.id)),
    })),
    circleHeld: held.some((s) => s.kind === 'circle'),
    postCircleHeld: held.some((s) => s.kind === 'post_circle'),
    agreements: agreements.map((a) => ({ outcome: a.outcome })),
  };
}

/**
 * The other commitments of a case's facilitators in [from, to): their live sessions in any case
 * (only times; nothing of those cases leaves this function).
 */
export async function facilitatorsBusy(
  db: Reader,
  caseId: string,
  from: Date,
  to: Date,
  exceptSessionId?: string,
): Promise<{ start: string; end: string }[]> {
  const mine = db
    .select({ userId: circleFacilitators.userId })
    .from(circleFacilitators)
    .where(eq(circleFacilitators.caseId, caseId));
  const theirCases = db
    .select({ caseId: circleFacilitators.caseId })
    .from(circleFacilitators)
    .where(inArray(circleFacilitators.userId, mine));
  const rows = await db
    .select({ start: circleSessions.startsAt, end: circleSessions.endsAt, id: circleSessions.id })
    .from(circleSessions)
    .where(
      and(
        inArray(circleSessions.caseId, theirCases),
        ne(circleSessions.status, 'cancelled'),
        lt(circleSessions.startsAt, to),
        gt(circleSessions.endsAt, from),
      ),
    );
  return rows
    .filter((r) => r.id !== exceptSessionId)
    .map((r) => ({ start: r.start.toISOString(), end: r.end.toISOString() }));
}
