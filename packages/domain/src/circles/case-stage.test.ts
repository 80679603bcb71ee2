import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseFacts,
  type CaseStage,
  caseStages,
  consentStates,
  judgeCaseMove,
  participantRoles,
} from './case-stage.ts';

const ready: CaseFacts = {
  stage: 'intake',
  participants: [
    { role: 'author', consent: 'consented', hadPreCircle: true },
    { role: 'receiver', consent: 'consented', hadPreCircle: true },
    { role: 'community', consent: 'declined', hadPreCircle: false },
  ],
  circleHeld: true,
  postCircleHeld: true,
  agreements: [{ outcome: 'done' }, { outcome: 'partly' }],
};

describe('judgeCaseMove', () => {
  it('walks a case through its stages when the practice allows', () => {
    const path: CaseStage[] = ['intake', 'pre_circles', 'circle', 'post_circle', 'closed'];
    for (let i = 0; i < path.length - 1; i++) {
      const to = path[i + 1] as Exclude<CaseStage, 'abandoned'>;
      expect(judgeCaseMove({ ...ready, stage: path[i] as CaseStage }, { to })).toEqual({
        ok: true,
      });
    }
  });

  it('refuses a circle before every invited party had a pre-circle or declined', () => {
    const facts: CaseFacts = {
      ...ready,
      stage: 'pre_circles',
      participants: [
        { role: 'author', consent: 'consented', hadPreCircle: true },
        { role: 'receiver', consent: 'invited', hadPreCircle: false },
      ],
    };
    const v = judgeCaseMove(facts, { to: 'circle' });
    expect(v).toMatchObject({ ok: false });
    expect(!v.ok && v.reason).toMatch(/ni pré-cercle ni refus/);
  });

  it('refuses a post-circle before the circle, and closing before the evaluation', () => {
    expect(
      judgeCaseMove({ ...ready, stage: 'circle', circleHeld: false }, { to: 'post_circle' }),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/avant que le cercle/) });
    expect(
      judgeCaseMove(
        { ...ready, stage: 'post_circle', agreements: [{ outcome: null }] },
        { to: 'closed' },
      ),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/1 accord/) });
  });

  it('abandons from any open stage with a reason, and never moves a closed case', () => {
    for (const stage of ['intake', 'pre_circles', 'circle', 'post_circle'] as const) {
      expect(
        judgeCaseMove({ ...ready, stage }, { to: 'abandoned', reason: 'Déménagement' }),
      ).toEqual({ ok: true });
      expect(judgeCaseMove({ ...ready, stage }, { to: 'abandoned', reason: ' ' }).ok).toBe(false);
    }
    expect(
      judgeCaseMove({ ...ready, stage: 'closed' }, { to: 'abandoned', reason: 'x y z' }).ok,
    ).toBe(false);
  });

  const facts = fc.record({
    stage: fc.constantFrom(...caseStages),
    participants: fc.array(
      fc.record({
        role: fc.constantFrom(...participantRoles),
        consent: fc.constantFrom(...consentStates),
        hadPreCircle: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
    circleHeld: fc.boolean(),
    postCircleHeld: fc.boolean(),
    agreements: fc.array(
      fc.record({
        outcome: fc.constantFrom('done' as const, 'partly' as const, 'not_done' as const, null),
      }),
      { maxLength: 4 },
    ),
  });
  const order: CaseStage[] = ['intake', 'pre_circles', 'circle', 'post_circle', 'closed'];

  it('refuses every move that is not the next stage or an abandon, whatever the facts (property)', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...order), (f, to) => {
        const next = order[order.indexOf(f.stage) + 1];
        const verdict = judgeCaseMove(f, { to: to as Exclude<CaseStage, 'abandoned'> });
        if (to !== next || f.stage === 'closed' || f.stage === 'abandoned') {
          expect(verdict.ok).toBe(false);
        }
        if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(10);
      }),
    );
  });

  it('never lets a circle happen while someone who did not decline missed their pre-circle (property)', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const verdict = judgeCaseMove({ ...f, stage: 'pre_circles' }, { to: 'circle' });
        if (verdict.ok) {
          for (const p of f.participants)
            if (p.consent !== 'declined')
              expect(p.hadPreCircle && p.consent === 'consented').toBe(true);
        }
      }),
    );
  });
});
