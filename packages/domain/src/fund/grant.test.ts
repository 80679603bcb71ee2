import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dueWithin,
  GRANT_MOVES,
  type GrantStatus,
  grantStatuses,
  instalmentVerdict,
  judgeGrantMove,
} from './grant.ts';

const facts = (status: GrantStatus) => ({
  status,
  amountRequestedCents: 2_000_000,
  amountAwardedCents: null,
});

describe('judgeGrantMove', () => {
  it('follows draft → submitted → awarded or rejected → report due → closed', () => {
    const path: [GrantStatus, GrantStatus][] = [
      ['draft', 'submitted'],
      ['submitted', 'awarded'],
      ['awarded', 'report_due'],
      ['report_due', 'closed'],
      ['submitted', 'rejected'],
      ['rejected', 'closed'],
      ['draft', 'closed'],
    ];
    for (const [from, to] of path) {
      const verdict = judgeGrantMove(facts(from), {
        to,
        on: '2026-03-01',
        amountAwardedCents: 1_500_000,
        reportDueOn: '2027-03-01',
      });
      expect(verdict, `${from} → ${to}`).toEqual({ ok: true });
    }
  });

  it('refuses skipping a step, going back, or leaving a closed grant', () => {
    expect(judgeGrantMove(facts('draft'), { to: 'awarded', on: '2026-01-01' })).toMatchObject({
      ok: false,
      code: 'BAD_TRANSITION',
      reason: 'Une demande « En préparation » ne peut pas passer à « Accordée ».',
    });
    expect(judgeGrantMove(facts('awarded'), { to: 'submitted', on: '2026-01-01' }).ok).toBe(false);
    for (const to of grantStatuses)
      expect(judgeGrantMove(facts('closed'), { to, on: '2026-01-01' }).ok).toBe(false);
  });

  it('asks the amount to award and the date a report is due', () => {
    expect(judgeGrantMove(facts('submitted'), { to: 'awarded', on: '2026-01-01' })).toMatchObject({
      code: 'AMOUNT_REQUIRED',
      field: 'amountAwardedCents',
    });
    expect(judgeGrantMove(facts('awarded'), { to: 'report_due', on: '2026-01-01' })).toMatchObject({
      code: 'REPORT_DATE_REQUIRED',
      field: 'reportDueOn',
    });
  });

  it('every status reaches closed through allowed moves (property of the move table)', () => {
    const reachesClosed = (from: GrantStatus, seen = new Set<GrantStatus>()): boolean =>
      from === 'closed' ||
      (!seen.has(from) &&
        GRANT_MOVES[from].some((to) => reachesClosed(to, new Set([...seen, from]))));
    for (const s of grantStatuses) expect(reachesClosed(s), s).toBe(true);
  });
});

describe('instalmentVerdict', () => {
  it('keeps instalments within the award', () => {
    expect(instalmentVerdict(null, [], 100)).toMatchObject({ code: 'NOT_AWARDED' });
    expect(instalmentVerdict(10_000, [6_000], 4_000)).toEqual({ ok: true });
    expect(instalmentVerdict(10_000, [6_000], 4_001)).toMatchObject({ code: 'OVER_AWARDED' });
  });

  it('never lets the accepted instalments pass the award (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 5_000_000 }), { maxLength: 20 }),
        (award, tries) => {
          const accepted: number[] = [];
          for (const t of tries) if (instalmentVerdict(award, accepted, t).ok) accepted.push(t);
          expect(accepted.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(award);
        },
      ),
    );
  });
});

describe('dueWithin', () => {
  const grants = [
    {
      id: 'draft-soon',
      status: 'draft' as const,
      submissionDeadline: '2026-12-15',
      reportDueOn: null,
      instalments: [],
    },
    {
      id: 'draft-far',
      status: 'draft' as const,
      submissionDeadline: '2027-03-01',
      reportDueOn: null,
      instalments: [],
    },
    {
      id: 'awarded',
      status: 'awarded' as const,
      submissionDeadline: '2026-01-10',
      reportDueOn: '2027-01-10',
      instalments: [
        { expectedOn: '2026-10-01', amountCents: 500_000, receivedOn: null },
        { expectedOn: '2026-06-01', amountCents: 500_000, receivedOn: '2026-06-03' },
      ],
    },
    {
      id: 'closed',
      status: 'closed' as const,
      submissionDeadline: '2026-12-01',
      reportDueOn: '2026-12-01',
      instalments: [],
    },
  ];

  it('lists the next 60 days’ deadlines soonest first, late ones flagged, done ones left out', () => {
    expect(dueWithin(grants, '2026-11-23')).toEqual([
      {
        grantId: 'awarded',
        kind: 'instalment',
        date: '2026-10-01',
        overdue: true,
        amountCents: 500_000,
      },
      {
        grantId: 'draft-soon',
        kind: 'submission',
        date: '2026-12-15',
        overdue: false,
        amountCents: null,
      },
      { grantId: 'awarded', kind: 'report', date: '2027-01-10', overdue: false, amountCents: null },
    ]);
    expect(dueWithin(grants, '2026-11-23', 7).map((d) => d.grantId)).toEqual(['awarded']);
  });
});
