import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findTreatmentOperation,
  isIntermediateOperation,
  OPERATION_CODES_OF_TREATMENT,
  TREATMENT_OPERATIONS,
  treatmentCodeVerdict,
  treatments,
} from './treatment.ts';

describe('treatment operations', () => {
  it('ships R1–R13 and D1–D15, each with its French wording', () => {
    const codes = TREATMENT_OPERATIONS.map((o) => o.code);
    const expected = [
      ...Array.from({ length: 13 }, (_, i) => `R${i + 1}`),
      ...Array.from({ length: 15 }, (_, i) => `D${i + 1}`),
    ];
    expect(codes).toEqual(expected);
    for (const o of TREATMENT_OPERATIONS) {
      expect(o.description.length).toBeGreaterThan(5);
      expect(o.kind).toBe(o.code.startsWith('R') ? 'recovery' : 'disposal');
    }
    expect(findTreatmentOperation('r 1')?.code).toBe('R1');
  });

  it('accepts each treatment’s own codes, all of them in the shipped list', () => {
    for (const t of treatments) {
      for (const code of OPERATION_CODES_OF_TREATMENT[t]) {
        expect(findTreatmentOperation(code)).toBeDefined();
        expect(treatmentCodeVerdict(t, code)).toBeNull();
      }
    }
    expect(treatmentCodeVerdict('reuse', null)).toBeNull();
  });

  it('refuses a code of another treatment, an unknown code, a missing code, a code on re-use', () => {
    expect(treatmentCodeVerdict('recycling', 'R1')).toMatch(/ne correspond pas à « Recyclage »/);
    expect(treatmentCodeVerdict('energy_recovery', 'R3')).toMatch(/codes admis : R1, R13/);
    expect(treatmentCodeVerdict('disposal', 'R5')).toMatch(/D1 à D15/);
    expect(treatmentCodeVerdict('recycling', 'R14')).toMatch(/n’est pas un code/);
    expect(treatmentCodeVerdict('disposal', null)).toMatch(/Indiquez le code/);
    expect(treatmentCodeVerdict('reuse', 'R3')).toMatch(/réemploi ne prend pas/);
  });

  it('never accepts a code for two treatments except R13 (storage before either recovery)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TREATMENT_OPERATIONS.map((o) => o.code)), (code) => {
        const fits = treatments.filter((t) => treatmentCodeVerdict(t, code) === null);
        expect(fits.length).toBe(code === 'R13' ? 2 : 1);
      }),
    );
  });

  it('marks R12, R13, D9, D13, D14 and D15 as intermediate, and only them', () => {
    const intermediate = TREATMENT_OPERATIONS.filter((o) => isIntermediateOperation(o.code)).map(
      (o) => o.code,
    );
    expect(intermediate).toEqual(['R12', 'R13', 'D9', 'D13', 'D14', 'D15']);
    expect(isIntermediateOperation(null)).toBe(false);
  });
});
