import type { ImportResult } from '@lakou/domain/fund';
import { describe, expect, it } from 'vitest';
import {
  defaultReceivingCentre,
  formatKilograms,
  giftYears,
  importStage,
  inKindSummary,
  kilogramsToGrams,
  nextMoneyEntry,
  problemLineCount,
  receiptActionOf,
  receiptYears,
  recordsMass,
} from './donations.ts';

describe('kilogramsToGrams', () => {
  it('reads kilograms with a comma or a point, spaces and a unit', () => {
    expect(kilogramsToGrams('12')).toBe(12_000);
    expect(kilogramsToGrams('12,5')).toBe(12_500);
    expect(kilogramsToGrams('0.25')).toBe(250);
    expect(kilogramsToGrams('1 250,125 kg')).toBe(1_250_125);
    expect(kilogramsToGrams('0,001')).toBe(1);
    expect(kilogramsToGrams('3KG')).toBe(3_000);
  });

  it('refuses what is not a positive mass, and never rounds below the gram', () => {
    expect(kilogramsToGrams('')).toBeNull();
    expect(kilogramsToGrams('0')).toBeNull();
    expect(kilogramsToGrams('-2')).toBeNull();
    expect(kilogramsToGrams('1,2345')).toBeNull();
    expect(kilogramsToGrams('douze')).toBeNull();
    expect(kilogramsToGrams('1,2,3')).toBeNull();
  });
});

describe('formatKilograms', () => {
  it('writes grams as kilograms in the locale', () => {
    expect(formatKilograms(12_500, 'fr-FR')).toBe('12,5 kg');
    expect(formatKilograms(1_250_000, 'fr-FR')).toBe('1\u202f250 kg');
    expect(formatKilograms(250, 'en-GB')).toBe('0.25 kg');
  });
});

describe('recordsMass', () => {
  it('is true for the circular streams only', () => {
    expect(recordsMass('furniture')).toBe(true);
    expect(recordsMass('bikes')).toBe(true);
    expect(recordsMass('it_equipment')).toBe(true);
    expect(recordsMass('food')).toBe(false);
    expect(recordsMass('books_toys')).toBe(false);
    expect(recordsMass(null)).toBe(false);
  });
});

describe('nextMoneyEntry', () => {
  it('keeps the date, the method and the sub-fund, and empties the rest', () => {
    expect(
      nextMoneyEntry({ receivedOn: '2026-11-20', method: 'cheque', subFundId: 'sf-1' }),
    ).toEqual({
      receivedOn: '2026-11-20',
      method: 'cheque',
      subFundId: 'sf-1',
      donorId: null,
      amount: '',
      reference: '',
      note: '',
    });
  });
});

describe('defaultReceivingCentre', () => {
  it('is the first centre the user manages', () => {
    expect(
      defaultReceivingCentre([
        { role: 'staff', centreId: 'c-staff' },
        { role: 'manager', centreId: 'c-1' },
        { role: 'manager', centreId: 'c-2' },
      ]),
    ).toBe('c-1');
  });
  it('is none for a network role', () => {
    expect(defaultReceivingCentre([{ role: 'admin', centreId: null }])).toBeNull();
    expect(defaultReceivingCentre(undefined)).toBeNull();
  });
});

const result = (patch: Partial<ImportResult>): ImportResult => ({
  dryRun: true,
  imported: 0,
  valid: 2,
  totalCents: 5_000,
  newDonors: 1,
  problems: [],
  preview: [],
  ...patch,
});

describe('importStage', () => {
  it('is empty before any file', () => {
    expect(importStage(null)).toBe('empty');
  });
  it('is blocked while any row has a problem, even with valid rows', () => {
    expect(importStage(result({ problems: [{ line: 4, reasons: ['Montant manquant.'] }] }))).toBe(
      'blocked',
    );
  });
  it('is blocked when no row is valid', () => {
    expect(importStage(result({ valid: 0 }))).toBe('blocked');
  });
  it('is ready after a clean dry run, imported after the import', () => {
    expect(importStage(result({}))).toBe('ready');
    expect(importStage(result({ dryRun: false, imported: 2 }))).toBe('imported');
  });
  it('is blocked when the import itself was refused (422: nothing imported)', () => {
    expect(
      importStage(result({ dryRun: false, imported: 0, problems: [{ line: 2, reasons: ['x'] }] })),
    ).toBe('blocked');
  });
});

describe('problemLineCount', () => {
  it('counts each bad line once', () => {
    expect(
      problemLineCount(
        result({
          problems: [
            { line: 3, reasons: ['a', 'b'] },
            { line: 7, reasons: ['c'] },
          ],
        }),
      ),
    ).toBe(2);
  });
});

describe('receiptActionOf', () => {
  it('offers the live receipt, a new one, or nothing for an anonymous gift', () => {
    expect(receiptActionOf({ donorId: 'd', receiptId: 'r' })).toBe('download');
    expect(receiptActionOf({ donorId: 'd', receiptId: null })).toBe('issue');
    expect(receiptActionOf({ donorId: null, receiptId: null })).toBe('anonymous');
  });
});

describe('receiptYears and giftYears', () => {
  it('lists the years newest first', () => {
    expect(receiptYears(2026, 2023)).toEqual([2026, 2025, 2024, 2023]);
    expect(receiptYears(2026, 2030)).toEqual([2026]);
    expect(
      giftYears([
        { receivedOn: '2024-02-01' },
        { receivedOn: '2026-01-05' },
        { receivedOn: '2024-12-31' },
      ]),
    ).toEqual([2026, 2024]);
  });
});

describe('inKindSummary', () => {
  it('writes quantity, unit and description', () => {
    expect(
      inKindSummary({ quantity: 3, unit: 'piece', description: 'Chaises' }, (u) =>
        u === 'piece' ? 'pièce(s)' : u,
      ),
    ).toBe('3 pièce(s) — Chaises');
    expect(inKindSummary({ quantity: null, unit: null, description: 'Lot' }, (u) => u)).toBe('Lot');
  });
});
