import { describe, expect, it } from 'vitest';
import { audience, FREE_TARIFF, isPayingAudience, tariff } from './tariff.ts';

describe('tariff', () => {
  it('defaults the flat fee to nothing', () => {
    expect(
      tariff.parse({
        hourlyCents: { member: 500, qpv_resident: 0, association: 800, company: 2500 },
      }).flatFeeCents,
    ).toBe(0);
  });

  it('refuses negative, fractional and missing rates with French messages', () => {
    const result = tariff.safeParse({
      hourlyCents: { member: -1, qpv_resident: 2.5, association: 800 },
      flatFeeCents: 100,
    });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(
      result.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [],
    );
    expect(byField['hourlyCents.member']).toMatch(/négatif/);
    expect(byField['hourlyCents.qpv_resident']).toMatch(/centimes entiers/);
    expect(byField['hourlyCents.company']).toMatch(/centimes/);
  });

  it('has no rate for the centre’s own programme, which is always free', () => {
    expect(isPayingAudience('centre_programme')).toBe(false);
    expect(isPayingAudience('company')).toBe(true);
    expect(tariff.parse(FREE_TARIFF)).toEqual(FREE_TARIFF);
    expect(audience.safeParse('public').error?.issues[0]?.message).toMatch(/Public attendu/);
  });
});
