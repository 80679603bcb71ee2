import { describe, expect, it } from 'vitest';
import {
  centsToEuroText,
  clockTimeIn,
  eurosToCents,
  isUsableOn,
  occupancyPercent,
  refusalNeedsNewPass,
} from './coworking.ts';

describe('eurosToCents', () => {
  it('reads euros with a comma or a point, and a euro sign', () => {
    expect(eurosToCents('8')).toBe(800);
    expect(eurosToCents('8,5')).toBe(850);
    expect(eurosToCents('8,50 €')).toBe(850);
    expect(eurosToCents(' 120.00 ')).toBe(12000);
    expect(eurosToCents('0,29')).toBe(29);
    expect(eurosToCents('1 200')).toBe(120000);
    expect(eurosToCents('0')).toBe(0);
  });

  it('refuses what is not a price', () => {
    expect(eurosToCents('')).toBeNull();
    expect(eurosToCents('-8')).toBeNull();
    expect(eurosToCents('8,505')).toBeNull();
    expect(eurosToCents('huit')).toBeNull();
  });
});

describe('centsToEuroText', () => {
  it('writes whole euros bare and cents with the locale’s separator', () => {
    expect(centsToEuroText(800, 'fr-FR')).toBe('8');
    expect(centsToEuroText(850, 'fr-FR')).toBe('8,50');
    expect(centsToEuroText(805, 'en-GB')).toBe('8.05');
    expect(eurosToCents(centsToEuroText(12345, 'fr-FR'))).toBe(12345);
  });
});

describe('clockTimeIn', () => {
  it('reads the time on the centre’s clock, not the browser’s', () => {
    expect(clockTimeIn('2026-11-23T11:30:00Z', 'America/Cayenne', 'fr-FR')).toBe('08:30');
    expect(clockTimeIn('2026-11-23T11:30:00Z', 'Europe/Paris', 'fr-FR')).toBe('12:30');
  });
});

describe('refusals and occupancy', () => {
  it('offers a new pass only when the old one cannot serve again', () => {
    expect(refusalNeedsNewPass('PASS_EMPTY')).toBe(true);
    expect(refusalNeedsNewPass('PASS_EXPIRED')).toBe(true);
    expect(refusalNeedsNewPass('ALREADY_CHECKED_IN')).toBe(false);
    expect(refusalNeedsNewPass(undefined)).toBe(false);
  });

  it('caps the bar at full when people share desks', () => {
    expect(occupancyPercent(1, 2)).toBe(50);
    expect(occupancyPercent(3, 2)).toBe(100);
    expect(occupancyPercent(0, 0)).toBe(0);
  });

  it('says whether a pass serves today', () => {
    const pass = {
      cancelledAt: null,
      validFrom: '2026-11-01',
      validUntil: '2026-11-30',
      daysLeft: 2,
    };
    expect(isUsableOn(pass, '2026-11-23')).toBe(true);
    expect(isUsableOn({ ...pass, daysLeft: 0 }, '2026-11-23')).toBe(false);
    expect(isUsableOn({ ...pass, daysLeft: null }, '2026-11-23')).toBe(true);
    expect(isUsableOn(pass, '2026-12-01')).toBe(false);
    expect(isUsableOn({ ...pass, cancelledAt: '2026-11-02T00:00:00Z' }, '2026-11-23')).toBe(false);
  });
});
