import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMove,
  formatKilograms,
  formatTonnes,
  inflowRemovalVerdict,
  outflowVerdict,
  parseKilograms,
  type StockMove,
} from './stock.ts';

const move = fc.oneof(
  fc.record({
    direction: fc.constant('in' as const),
    grams: fc.integer({ min: 1, max: 5_000_000 }),
  }),
  fc.record({
    direction: fc.constant('out' as const),
    grams: fc.integer({ min: 1, max: 5_000_000 }),
  }),
);

describe('stock of a stream', () => {
  it('refuses a shipment larger than the stock, with both masses in kg', () => {
    expect(outflowVerdict(12_500, 12_500)).toBeNull();
    const refusal = outflowVerdict(12_500, 12_501);
    expect(refusal?.code).toBe('INSUFFICIENT_STOCK');
    expect(refusal?.stockGrams).toBe(12_500);
    expect(refusal?.message).toBe('Stock insuffisant : 12,5 kg en stock, 12,501 kg demandés.');
  });

  it('never goes negative, whatever people try to ship, and keeps every accepted gram', () => {
    fc.assert(
      fc.property(fc.array(move, { maxLength: 200 }), (moves: StockMove[]) => {
        let stock = 0;
        let accepted = 0;
        for (const m of moves) {
          const result = applyMove(stock, m);
          if (result.ok) {
            stock = result.stockGrams;
            accepted += m.direction === 'in' ? m.grams : -m.grams;
          } else {
            // Refused exactly when it would overdraw, and nothing changed.
            expect(m.direction).toBe('out');
            expect(m.grams).toBeGreaterThan(stock);
          }
          expect(stock).toBeGreaterThanOrEqual(0);
        }
        expect(stock).toBe(accepted);
      }),
    );
  });

  it('lets an inflow be removed only while its mass is still in stock', () => {
    expect(inflowRemovalVerdict(5_000, 5_000)).toBeNull();
    expect(inflowRemovalVerdict(4_999, 5_000)?.message).toMatch(/déjà été en partie sortie/);
  });
});

describe('kilograms at the scale', () => {
  it('reads a decimal comma or point, spaces in thousands, up to three decimals', () => {
    expect(parseKilograms('12,5')).toBe(12_500);
    expect(parseKilograms('12.5')).toBe(12_500);
    expect(parseKilograms('1 204,25')).toBe(1_204_250);
    expect(parseKilograms('0,001')).toBe(1);
    expect(parseKilograms('7')).toBe(7_000);
  });

  it('refuses what is not a positive mass in kg', () => {
    for (const text of ['', '0', '0,000', '-3', '1,2345', 'douze', '1,2,3', '12 kg']) {
      expect(parseKilograms(text), text).toBeNull();
    }
  });

  it('reads back what it formats (grams → « x,yyy kg » → grams)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), (grams) => {
        const text = formatKilograms(grams).replace(/ kg$/, '');
        expect(parseKilograms(text)).toBe(grams);
      }),
    );
  });

  it('writes tonnes with three decimals for the register', () => {
    expect(formatTonnes(1_234_567)).toBe('1,235');
    expect(formatTonnes(500)).toBe('0,001');
    expect(formatTonnes(0)).toBe('0,000');
    expect(formatTonnes(12_000_000_000)).toBe('12000,000');
  });
});
