import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { priceOf } from './price.ts';
import { audiences, TARIFF_MAX_CENTS, type Tariff } from './tariff.ts';

const room: Tariff = {
  hourlyCents: { member: 500, qpv_resident: 0, association: 801, company: 3000 },
  flatFeeCents: 1500,
};
const start = Temporal.Instant.from('2026-11-23T12:00:00Z');
const after = (minutes: number) => start.add({ minutes });

describe('priceOf', () => {
  it('bills every started half hour, plus the flat fee once', () => {
    // 1 h 10 min → 3 half hours at 15 € = 45 €, + 15 € flat fee.
    expect(priceOf(room, 'company', start, after(70))).toEqual({
      cents: 6000,
      breakdown: {
        audience: 'company',
        durationMinutes: 70,
        billedHalfHours: 3,
        hourlyRateCents: 3000,
        timeCents: 4500,
        flatFeeCents: 1500,
      },
    });
    expect(priceOf(room, 'member', start, after(30)).cents).toBe(250 + 1500);
    expect(priceOf(room, 'member', start, after(31)).cents).toBe(500 + 1500);
  });

  it('drops the half cent of an odd rate in the payer’s favour', () => {
    // 8.01 €/h over 30 min = 4.005 € → 4.00 €.
    expect(priceOf(room, 'association', start, after(30)).breakdown.timeCents).toBe(400);
    expect(priceOf(room, 'association', start, after(60)).breakdown.timeCents).toBe(801);
  });

  it('charges the flat fee even when the hourly rate is zero, except to the centre’s programme', () => {
    expect(priceOf(room, 'qpv_resident', start, after(120)).cents).toBe(1500);
    expect(priceOf(room, 'centre_programme', start, after(120))).toMatchObject({
      cents: 0,
      breakdown: { hourlyRateCents: 0, flatFeeCents: 0 },
    });
  });

  it('accepts ISO strings with an offset, and costs nothing for an empty interval', () => {
    expect(priceOf(room, 'company', '2026-11-23T09:00-03:00', '2026-11-23T10:00-03:00').cents).toBe(
      4500,
    );
    expect(priceOf(room, 'company', after(60), start).cents).toBe(0);
  });

  const anyTariff = fc.record({
    hourlyCents: fc.record({
      member: fc.integer({ min: 0, max: TARIFF_MAX_CENTS }),
      qpv_resident: fc.integer({ min: 0, max: TARIFF_MAX_CENTS }),
      association: fc.integer({ min: 0, max: TARIFF_MAX_CENTS }),
      company: fc.integer({ min: 0, max: TARIFF_MAX_CENTS }),
    }),
    flatFeeCents: fc.integer({ min: 0, max: TARIFF_MAX_CENTS }),
  });
  const anyAudience = fc.constantFrom(...audiences);
  const minutes = fc.integer({ min: -60, max: 7 * 24 * 60 });

  it('is a whole, non-negative number of cents', () => {
    fc.assert(
      fc.property(anyTariff, anyAudience, minutes, (t, a, m) => {
        const { cents, breakdown } = priceOf(t, a, start, after(m));
        expect(Number.isSafeInteger(cents)).toBe(true);
        expect(cents).toBeGreaterThanOrEqual(0);
        expect(cents).toBe(breakdown.timeCents + breakdown.flatFeeCents);
      }),
    );
  });

  it('never costs less for a longer booking', () => {
    fc.assert(
      fc.property(anyTariff, anyAudience, minutes, fc.nat(24 * 60), (t, a, m, more) => {
        expect(priceOf(t, a, start, after(m + more)).cents).toBeGreaterThanOrEqual(
          priceOf(t, a, start, after(m)).cents,
        );
      }),
    );
  });

  it('is always free for the centre’s own programme', () => {
    fc.assert(
      fc.property(anyTariff, minutes, (t, m) => {
        expect(priceOf(t, 'centre_programme', start, after(m)).cents).toBe(0);
      }),
    );
  });
});
