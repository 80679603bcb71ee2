import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSiret } from '../shared/siret.ts';
import { facilityInput } from './facility.ts';

/** Completes 13 digits with the one check digit that makes a valid SIRET (searched, not computed). */
function withKey(head: string): string | undefined {
  return Array.from({ length: 10 }, (_, d) => `${head}${d}`).find(isSiret);
}

const base = {
  name: 'Recyclerie du Larivot',
  addressLine: 'ZI du Larivot',
  postcode: '97351',
  city: 'Matoury',
};

describe('facilityInput', () => {
  it('accepts a valid SIRET, with the spaces people type', () => {
    // Luhn by hand: doubled digits 2+0+2+6+2+6+8 = 26, the others 24; 50 is a multiple of 10.
    const parsed = facilityInput.parse({ ...base, siret: '443 219 301 00019' });
    expect(parsed.siret).toBe('44321930100019');
  });

  it('refuses a SIRET whose Luhn key is wrong, too short, or all zeros', () => {
    for (const siret of ['44321930100018', '4432193010001', '00000000000000', 'ABCDEFGHIJKLMN']) {
      const result = facilityInput.safeParse({ ...base, siret });
      expect(result.success, siret).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['siret']);
      expect(result.error?.issues[0]?.message).toMatch(/clé de contrôle/);
    }
  });

  it('exactly one check digit completes any 13 digits (Luhn), and changing one digit breaks it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 13, maxLength: 13 }),
        fc.integer({ min: 0, max: 13 }),
        (head, position) => {
          fc.pre(!/^0+$/.test(head));
          const valid = withKey(head);
          expect(valid).toBeDefined();
          const digits = [...(valid as string)];
          digits[position] = String((Number(digits[position]) + 1) % 10);
          expect(isSiret(digits.join(''))).toBe(false);
        },
      ),
    );
  });

  it('asks for a five-digit postcode', () => {
    const result = facilityInput.safeParse({ ...base, siret: '44321930100019', postcode: '973' });
    expect(result.error?.issues[0]?.message).toMatch(/cinq chiffres/);
  });
});
