import { describe, expect, it } from 'vitest';
import { isSiret } from './donor.ts';
import { legalArticle, receiptEligibility, receiptNumber } from './receipt.ts';

describe('receipts', () => {
  it('number receipts by year with six digits', () => {
    expect(receiptNumber(2026, 1)).toBe('2026-000001');
    expect(receiptNumber(2026, 123_456)).toBe('2026-123456');
  });

  it('name the article of the tax code for each kind of donor', () => {
    expect(legalArticle('individual')).toBe('article 200 du code général des impôts');
    expect(legalArticle('company')).toBe('article 238 bis du code général des impôts');
    expect(legalArticle('public_body')).toBeNull();
  });

  it('are refused to public bodies, erased donors and donors without a full address', () => {
    const donor = {
      kind: 'individual' as const,
      erasedAt: null,
      addressLine: '12 rue Lallouette',
      postcode: '97300',
      city: 'Cayenne',
    };
    expect(receiptEligibility(donor)).toEqual({ ok: true });
    expect(receiptEligibility({ ...donor, kind: 'public_body' })).toMatchObject({
      code: 'NOT_ELIGIBLE',
    });
    expect(receiptEligibility({ ...donor, erasedAt: '2026-01-01T00:00:00Z' })).toMatchObject({
      code: 'DONOR_ERASED',
    });
    expect(receiptEligibility({ ...donor, postcode: null })).toMatchObject({
      code: 'ADDRESS_REQUIRED',
    });
  });
});

describe('isSiret', () => {
  it('checks the 14 digits and the Luhn key', () => {
    expect(isSiret('73282932000074')).toBe(true);
    expect(isSiret('73282932000075')).toBe(false);
    expect(isSiret('7328293200007')).toBe(false);
    expect(isSiret('00000000000000')).toBe(false);
    expect(isSiret('7328293200007A')).toBe(false);
  });
});
