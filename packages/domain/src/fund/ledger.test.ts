import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balancesAt,
  type EntryFacts,
  outflowVerdict,
  reversalOf,
  reversalVerdict,
} from './ledger.ts';
import type { SubFundKind } from './sub-fund.ts';

const FUNDS = {
  libre: { kind: 'unrestricted', consumable: false },
  jardins: { kind: 'restricted', consumable: false },
  kourou: { kind: 'restricted', consumable: false },
  dotation: { kind: 'endowment', consumable: false },
  capital: { kind: 'endowment', consumable: true },
} satisfies Record<string, { kind: SubFundKind; consumable: boolean }>;
type FundName = keyof typeof FUNDS;
const fundOf = (name: string) => FUNDS[name as FundName];

const entry = (
  id: string,
  subFundId: string,
  occurredOn: string,
  amountCents: number,
): EntryFacts => ({
  id,
  subFundId,
  occurredOn,
  amountCents,
  kind: amountCents > 0 ? 'donation' : 'disbursement',
  reversesId: null,
});

describe('balancesAt', () => {
  it('sums each sub-fund’s entries up to the end of the day asked', () => {
    const entries = [
      entry('a', 'libre', '2025-01-10', 10_000),
      entry('b', 'libre', '2025-02-01', -2_500),
      entry('c', 'jardins', '2025-02-01', 4_000),
      entry('d', 'libre', '2025-03-15', 1),
    ];
    expect(balancesAt(entries, '2025-01-09').get('libre')).toBeUndefined();
    expect(balancesAt(entries, '2025-01-10').get('libre')).toBe(10_000);
    expect(balancesAt(entries, '2025-02-01')).toEqual(
      new Map([
        ['libre', 7_500],
        ['jardins', 4_000],
      ]),
    );
    expect(balancesAt(entries).get('libre')).toBe(7_501);
  });
});

describe('outflowVerdict', () => {
  it('lets a disbursement take the whole balance and not one cent more', () => {
    expect(outflowVerdict(FUNDS.jardins, 5_000, 5_000, 'disbursement')).toEqual({ ok: true });
    expect(outflowVerdict(FUNDS.jardins, 5_000, 5_001, 'disbursement')).toMatchObject({
      ok: false,
      code: 'INSUFFICIENT_BALANCE',
    });
  });

  it('never spends the capital of a non-consumable endowment, but a consumable one', () => {
    expect(outflowVerdict(FUNDS.dotation, 1_500_000, 1, 'disbursement')).toMatchObject({
      ok: false,
      code: 'ENDOWMENT_NOT_CONSUMABLE',
    });
    expect(outflowVerdict(FUNDS.capital, 1_500_000, 1, 'disbursement')).toEqual({ ok: true });
    // A mistaken deposit on the endowment can still be corrected, down to zero.
    expect(outflowVerdict(FUNDS.dotation, 1_500_000, 1_500_000, 'correction')).toEqual({
      ok: true,
    });
    expect(outflowVerdict(FUNDS.dotation, 1_500_000, 1_500_001, 'correction')).toMatchObject({
      ok: false,
      code: 'INSUFFICIENT_BALANCE',
    });
  });
});

describe('reversals', () => {
  it('reverse an entry once, with the opposite amount on the same sub-fund', () => {
    const gift = entry('g', 'kourou', '2025-05-02', 12_345);
    const correction = reversalOf(gift, '2025-05-03');
    expect(correction).toEqual({
      subFundId: 'kourou',
      occurredOn: '2025-05-03',
      amountCents: -12_345,
      kind: 'correction',
      reversesId: 'g',
    });
    expect(reversalVerdict(gift, [gift])).toEqual({ ok: true });
    const done = { ...correction, id: 'c' };
    expect(reversalVerdict(gift, [gift, done])).toMatchObject({ code: 'ALREADY_REVERSED' });
    expect(reversalVerdict(done, [gift, done])).toMatchObject({
      code: 'CORRECTION_NOT_REVERSIBLE',
    });
  });
});

/** One operation a user may try on the ledger; refused ones leave it unchanged. */
type Op =
  | { op: 'in'; fund: string; cents: number; day: number }
  | { op: 'out'; fund: string; cents: number; day: number }
  | { op: 'reverse'; pick: number; day: number };

const fundName = fc.constantFrom(...Object.keys(FUNDS));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('in' as const),
    fund: fundName,
    cents: fc.integer({ min: 1, max: 500_000 }),
    day: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({
    op: fc.constant('out' as const),
    fund: fundName,
    cents: fc.integer({ min: 1, max: 500_000 }),
    day: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({
    op: fc.constant('reverse' as const),
    pick: fc.nat(),
    day: fc.integer({ min: 0, max: 3 }),
  }),
);

const dayOf = (n: number) => `2026-01-${String(n + 1).padStart(2, '0')}`;

describe('the ledger under any sequence of operations (property)', () => {
  it('balances are the sum of accepted entries, no sub-fund goes negative, history is kept', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), (ops) => {
        const entries: EntryFacts[] = [];
        // The balances a bookkeeper would keep by hand, moved at each accepted operation.
        const running = new Map<string, number>();
        const atEndOfDay = new Map<string, Map<string, number>>();
        let dayCursor = 0;
        for (const [i, o] of ops.entries()) {
          dayCursor += o.day; // dates never go back
          const date = dayOf(Math.min(dayCursor, 27));
          const before = entries.map((e) => ({ ...e }));
          let accepted: EntryFacts | null = null;
          if (o.op === 'in') {
            accepted = entry(`e${i}`, o.fund, date, o.cents);
          } else if (o.op === 'out') {
            const balance = running.get(o.fund) ?? 0;
            if (outflowVerdict(fundOf(o.fund), balance, o.cents, 'disbursement').ok)
              accepted = entry(`e${i}`, o.fund, date, -o.cents);
          } else if (entries.length > 0) {
            const target = entries[o.pick % entries.length] as EntryFacts;
            const balance = running.get(target.subFundId) ?? 0;
            const verdict = reversalVerdict(target, entries);
            const lowers = target.amountCents > 0;
            if (
              verdict.ok &&
              (!lowers ||
                outflowVerdict(fundOf(target.subFundId), balance, target.amountCents, 'correction')
                  .ok)
            ) {
              accepted = { id: `e${i}`, ...reversalOf(target, date) };
            }
          }
          if (accepted) {
            entries.push(accepted);
            running.set(
              accepted.subFundId,
              (running.get(accepted.subFundId) ?? 0) + accepted.amountCents,
            );
          }
          // History: what was written before is still there, unchanged, in the same order.
          expect(entries.slice(0, before.length)).toEqual(before);
          for (const [fund, cents] of running) expect(cents, fund).toBeGreaterThanOrEqual(0);
          atEndOfDay.set(date, new Map(running));
        }
        // The sums of the ledger match the running balances, at the end and at each day's end.
        const finalBalances = balancesAt(entries);
        for (const fund of Object.keys(FUNDS))
          expect(finalBalances.get(fund) ?? 0).toBe(running.get(fund) ?? 0);
        for (const [date, snapshot] of atEndOfDay) {
          const then = balancesAt(entries, date);
          for (const fund of Object.keys(FUNDS))
            expect(then.get(fund) ?? 0, `${fund} on ${date}`).toBe(snapshot.get(fund) ?? 0);
        }
        // Every correction names an original that is not a correction, and each is reversed once.
        const reversed = entries.filter((e) => e.reversesId).map((e) => e.reversesId);
        expect(new Set(reversed).size).toBe(reversed.length);
        for (const e of entries.filter((x) => x.kind === 'correction')) {
          const original = entries.find((x) => x.id === e.reversesId);
          expect(original?.kind).not.toBe('correction');
          expect(e.amountCents).toBe(-(original?.amountCents ?? 0));
        }
        // A non-consumable endowment never had anything disbursed.
        expect(entries.some((e) => e.subFundId === 'dotation' && e.kind === 'disbursement')).toBe(
          false,
        );
      }),
      { numRuns: 300 },
    );
  });
});
