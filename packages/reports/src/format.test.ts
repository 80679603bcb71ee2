import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEuros, formatMass, massUnitFor } from './format.ts';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatEuros', () => {
  it('writes French amounts from cents', () => {
    expect(nbsp(formatEuros(123456))).toBe('1 234,56 €');
    expect(nbsp(formatEuros(5))).toBe('0,05 €');
    expect(nbsp(formatEuros(-1999))).toBe('-19,99 €');
  });

  it('never loses a cent, even on amounts where floats would', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (cents) => {
        const digits = formatEuros(cents).replace(/\D/g, '');
        expect(BigInt(digits)).toBe(BigInt(cents));
      }),
    );
  });

  it('refuses non-integer cents', () => {
    expect(() => formatEuros(1.5)).toThrow(RangeError);
  });
});

describe('formatMass', () => {
  it('picks a readable unit', () => {
    expect(massUnitFor(999)).toBe('g');
    expect(massUnitFor(2_500)).toBe('kg');
    expect(massUnitFor(1_234_567)).toBe('t');
  });

  it('writes tonnes with three decimals and kilograms with a decimal comma', () => {
    expect(nbsp(formatMass(1_234_567))).toBe('1,235 t');
    expect(nbsp(formatMass(2_500))).toBe('2,5 kg');
    expect(nbsp(formatMass(12_000_000, 't'))).toBe('12,000 t');
    expect(nbsp(formatMass(640))).toBe('640 g');
  });
});
