import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInVerdict, daysLeft, PASS_KINDS, passValidUntil } from './pass.ts';

const carnet = {
  centreId: 'c1',
  validFrom: '2026-11-01',
  validUntil: '2027-10-31',
  daysTotal: 10,
  daysUsed: 0,
  cancelledAt: null,
};

describe('passValidUntil', () => {
  it('runs a month, a year or three months from the first day, inclusive', () => {
    expect(passValidUntil('monthly', '2026-11-23')).toBe('2026-12-22');
    expect(passValidUntil('monthly', '2027-01-31')).toBe('2027-02-27');
    expect(passValidUntil('carnet10', '2026-11-01')).toBe('2027-10-31');
    expect(passValidUntil('day', '2026-11-30')).toBe('2027-02-27');
  });
});

describe('checkInVerdict', () => {
  it('lets a valid pass in', () => {
    expect(checkInVerdict(carnet, 'c1', '2026-11-23', false)).toEqual({ ok: true });
  });

  it('refuses when nothing is left, with the reason in French', () => {
    const v = checkInVerdict({ ...carnet, daysUsed: 10 }, 'c1', '2026-11-23', false);
    expect(v).toMatchObject({ ok: false, code: 'PASS_EMPTY' });
    expect(!v.ok && v.reason).toMatch(/aucune journée/);
  });

  it('refuses before, after, elsewhere, cancelled, and twice the same day', () => {
    expect(checkInVerdict(carnet, 'c1', '2026-10-31', false)).toMatchObject({
      code: 'PASS_NOT_YET_VALID',
    });
    expect(checkInVerdict(carnet, 'c1', '2027-11-01', false)).toMatchObject({
      code: 'PASS_EXPIRED',
    });
    expect(checkInVerdict(carnet, 'c2', '2026-11-23', false)).toMatchObject({
      code: 'PASS_OTHER_CENTRE',
    });
    expect(
      checkInVerdict({ ...carnet, cancelledAt: '2026-11-02T00:00:00Z' }, 'c1', '2026-11-23', false),
    ).toMatchObject({ code: 'PASS_CANCELLED' });
    expect(checkInVerdict(carnet, 'c1', '2026-11-23', true)).toMatchObject({
      code: 'ALREADY_CHECKED_IN',
    });
  });

  it('never runs out on a monthly pass within its month', () => {
    const monthly = { ...carnet, daysTotal: null, daysUsed: 45, validUntil: '2026-11-30' };
    expect(checkInVerdict(monthly, 'c1', '2026-11-30', false)).toEqual({ ok: true });
    expect(daysLeft(monthly)).toBeNull();
  });

  it('never lets a carnet be used more days than it holds (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (tries) => {
        let used = 0;
        tries.forEach((_, day) => {
          const today = `2026-12-${String((day % 28) + 1).padStart(2, '0')}`;
          const v = checkInVerdict({ ...carnet, daysUsed: used }, 'c1', today, false);
          if (v.ok) used += 1;
        });
        expect(used).toBeLessThanOrEqual(PASS_KINDS.carnet10.days ?? 0);
        expect(daysLeft({ daysTotal: 10, daysUsed: used })).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
