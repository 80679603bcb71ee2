import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeClosedCases } from '../../src/circles/purge.ts';
import {
  centres,
  circleAgreements,
  circleCases,
  circleParticipants,
} from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, engines, json, seededApp, signIn } from '../harness.ts';

describe.each(engines)('circles: board aggregates and retention (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let facilitator: string;
  let board: string;
  const closedIds: string[] = [];
  const openIds: string[] = [];

  beforeAll(async () => {
    ctx = await seededApp(kind);
    facilitator = await signIn(ctx.app, 'facilitation@lakou.test', DEMO_PASSWORD);
    board = await signIn(ctx.app, 'ca@lakou.test', DEMO_PASSWORD);
    const [vc] = await ctx.database.db
      .select({ id: centres.id })
      .from(centres)
      .where(eq(centres.slug, 'cayenne-village-chinois'));
    const open = async (i: number) => {
      const made = await json<{ id: string }>(
        await call(ctx.app, 'POST', '/api/circles', {
          cookie: facilitator,
          body: { centreId: vc?.id, description: `Situation ${i} — voisinage` },
        }),
      );
      await call(ctx.app, 'POST', `/api/circles/${made.id}/participants`, {
        cookie: facilitator,
        body: { pseudonym: `Parti ${i}`, role: 'author', contact: `06 94 ${i}` },
      });
      return made.id;
    };
    for (let i = 0; i < 6; i++) closedIds.push(await open(i));
    for (let i = 6; i < 9; i++) openIds.push(await open(i));
    // Six cases closed 13 months ago with two agreements each (set directly: the journey to
    // close is covered by circles.test.ts), five done out of twelve.
    const closedAt = new Date(Date.now() - 400 * 86_400_000);
    await ctx.database.db
      .update(circleCases)
      .set({ stage: 'closed', openedAt: new Date(closedAt.getTime() - 40 * 86_400_000), closedAt })
      .where(inArray(circleCases.id, closedIds));
    await ctx.database.db.insert(circleAgreements).values(
      closedIds.flatMap((caseId, i) => [
        {
          caseId,
          what: 'Réparer',
          owner: `Parti ${i}`,
          dueOn: '2025-09-01',
          outcome: i < 5 ? 'done' : 'partly',
        },
        {
          caseId,
          what: 'Se revoir',
          owner: `Parti ${i}`,
          dueOn: '2025-09-01',
          outcome: 'not_done',
          note: 'Pas revenu',
        },
      ]),
    );
  });
  afterAll(() => ctx.database.dispose());

  const aggregates = async (cookie: string) => {
    const res = await call(ctx.app, 'GET', '/api/circles/aggregates', { cookie });
    expect(res.status).toBe(200);
    return json<{
      byStage: { stage: string; cases: number | string }[];
      byCentre: { centreName: string; cases: number | string }[];
      byQuarter: { opened: number | string; closed: number | string }[];
      agreementsDoneShare: number | null;
      medianDaysToClose: number | null;
    }>(res);
  };

  it('shows the board counts of 5 and more, and "< 5" below, with shares and medians over enough cases only', async () => {
    const a = await aggregates(board);
    const stage = (s: string) => a.byStage.find((x) => x.stage === s)?.cases;
    expect(stage('closed')).toBe(6);
    expect(stage('intake')).toBe('< 5');
    expect(stage('circle')).toBe(0);
    // Nine cases here, and the demo seed’s three (demo facilitator), all in Village Chinois.
    expect(a.byCentre).toEqual([
      { centreId: expect.any(String), centreName: expect.any(String), cases: 12 },
    ]);
    expect(a.agreementsDoneShare).toBeCloseTo(5 / 12);
    expect(a.medianDaysToClose).toBe(40);
    for (const row of a.byQuarter)
      for (const n of [row.opened, row.closed])
        expect(n === '< 5' || n === 0 || Number(n) >= 5).toBe(true);
    // Facilitators read their cases, not the board's tables.
    expect(
      (await call(ctx.app, 'GET', '/api/circles/aggregates', { cookie: facilitator })).status,
    ).toBe(403);
  });

  it('purges the personal data of cases closed a year ago, and the aggregates do not move', async () => {
    const before = await aggregates(board);
    const purged = await purgeClosedCases(ctx.database.db, new Date(), 12);
    expect(purged).toHaveLength(6);
    const cases = await ctx.database.db
      .select({ description: circleCases.description, purgedAt: circleCases.purgedAt })
      .from(circleCases)
      .where(inArray(circleCases.id, closedIds));
    expect(cases.every((k) => k.description === null && k.purgedAt !== null)).toBe(true);
    const people = await ctx.database.db
      .select()
      .from(circleParticipants)
      .where(inArray(circleParticipants.caseId, closedIds));
    expect(people.map((p) => p.pseudonym)).toEqual(Array(6).fill('Personne 1 (purgé)'));
    expect(people.every((p) => p.contact === null && p.role === 'author')).toBe(true);
    const agreements = await ctx.database.db
      .select()
      .from(circleAgreements)
      .where(inArray(circleAgreements.caseId, closedIds));
    expect(agreements.every((g) => g.what === null && g.owner === null && g.note === null)).toBe(
      true,
    );
    expect(agreements.filter((g) => g.outcome === 'done')).toHaveLength(5);
    expect(await aggregates(board)).toEqual(before);
    // Nothing left to purge at 12 months; at 1 month, only the seed's case abandoned 60 days ago.
    expect(await purgeClosedCases(ctx.database.db, new Date(), 12)).toEqual([]);
    expect(await purgeClosedCases(ctx.database.db, new Date(), 1)).toHaveLength(1);
    // Open cases keep everything, whatever the retention.
    const kept = await ctx.database.db
      .select({ description: circleCases.description })
      .from(circleCases)
      .where(inArray(circleCases.id, openIds));
    expect(kept.every((k) => k.description?.startsWith('Situation'))).toBe(true);
  });
});
