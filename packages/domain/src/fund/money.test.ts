import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, euroAmountInWords, parseEuros } from './money.ts';

describe('euroAmountInWords', () => {
  it.each([
    [0, 'zéro euro'],
    [1, 'un centime'],
    [100, 'un euro'],
    [8_000, 'quatre-vingts euros'],
    [8_100, 'quatre-vingt-un euros'],
    [20_000, 'deux cents euros'],
    [20_100, 'deux cent un euros'],
    [123_450, 'mille deux cent trente-quatre euros et cinquante centimes'],
    [2_121, 'vingt et un euros et vingt et un centimes'],
    [1_500_000, 'quinze mille euros'],
    [100_000_000, 'un million d’euros'],
    [200_000_099, 'deux millions d’euros et quatre-vingt-dix-neuf centimes'],
    [100_100_000, 'un million mille euros'],
  ])('%i cents → « %s »', (cents, words) => {
    expect(euroAmountInWords(cents)).toBe(words);
  });

  it('refuses negative or fractional cents', () => {
    expect(() => euroAmountInWords(-1)).toThrow(RangeError);
    expect(() => euroAmountInWords(1.5)).toThrow(RangeError);
  });
});

describe('parseEuros', () => {
  it.each([
    ['1 234,50', 123_450],
    ['1\u202f234,5', 123_450],
    ['1234.56', 123_456],
    ['12 €', 1_200],
    ['0,07', 7],
    ['-15,00', -1_500],
  ])('reads « %s » as %i cents', (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });

  it.each(['', 'abc', '12,345', '1.234,50', '12,3,4', '€'])('refuses « %s »', (text) => {
    expect(parseEuros(text)).toBeNull();
  });

  it('reads back any amount written with two decimals (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (cents) => {
        const text = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
        expect(parseEuros(text)).toBe(cents);
      }),
    );
  });
});

describe('allocate', () => {
  it('splits without losing a cent, the odd cents to the largest remainders', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1_000, [1, 3])).toEqual([250, 750]);
    expect(allocate(5, [0, 1])).toEqual([0, 5]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it('always sums to the total, each share within a cent of its exact part (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc
          .array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 12 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const shares = allocate(total, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          shares.forEach((s, i) => {
            expect(Number.isInteger(s)).toBe(true);
            expect(Math.abs(s - (total * (weights[i] ?? 0)) / sum)).toBeLessThan(1);
          });
        },
      ),
    );
  });

  it('refuses what cannot be split', () => {
    expect(() => allocate(10, [])).toThrow(RangeError);
    expect(() => allocate(10, [0, 0])).toThrow(RangeError);
    expect(() => allocate(10.5, [1])).toThrow(RangeError);
    expect(() => allocate(10, [-1, 2])).toThrow(RangeError);
  });
});
