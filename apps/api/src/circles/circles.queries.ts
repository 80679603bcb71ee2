import type { CaseStage, CircleCase, Participant } from '@lakou/domain/circles';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { circleCases, circleFacilitators, circleParticipants, users } from '../db/schema/index.ts';

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

export async function toCases(db: Reader, rows: CaseRow[]): Promise<CircleCase[]> {
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
  }));
}

export async function findCase(db: Reader, id: string): Promise<CircleCase | null> {
  const rows = await db.select().from(circleCases).where(eq(circleCases.id, id));
  return (await toCases(db, rows))[0] ?? null;
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
