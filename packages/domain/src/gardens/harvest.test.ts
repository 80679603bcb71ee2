import { describe, expect, it } from 'vitest';
import { compostBatchInput, harvestInput, harvestTotals } from './harvest.ts';

const gardenId = '6c1f0a52-7a4f-4d4b-9d3e-2f1c9a0b1d11';
const gardenerId = '0b7a3c9e-5d1f-4c2a-8e6b-7f9d1a2c3b44';
const problems = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('harvestInput', () => {
  it('takes a weighed harvest for the gardener', () => {
    const h = harvestInput.parse({
      harvestedOn: '2026-11-20',
      gardenId,
      gardenerId,
      crop: 'Gombo',
      grams: 1_800,
      destination: 'gardener',
    });
    expect(h.count).toBeNull();
    expect(h.plotId).toBeNull();
  });

  it('takes a counted harvest (bunches of herbs) for the solidarity grocery, grams 0 allowed', () => {
    expect(
      harvestInput.safeParse({
        harvestedOn: '2026-11-20',
        gardenId,
        crop: 'Ciboulette',
        count: 12,
        countUnit: 'bunch',
        destination: 'solidarity_grocery',
      }).success,
    ).toBe(true);
    expect(
      harvestInput.safeParse({
        harvestedOn: '2026-11-20',
        gardenId,
        crop: 'Piment',
        grams: 0,
        destination: 'market',
      }).success,
    ).toBe(true);
  });

  it('asks for a mass or a count, a unit with a count, and the gardener when the harvest is theirs', () => {
    const r = harvestInput.safeParse({
      harvestedOn: '2026-11-20',
      gardenId,
      crop: 'Dachine',
      destination: 'gardener',
    });
    expect(problems(r)).toEqual([
      'grams: Indiquez la masse ou le nombre.',
      'gardenerId: Quel jardinier ou quelle jardinière ?',
    ]);
    expect(
      problems(
        harvestInput.safeParse({
          harvestedOn: '2026-11-20',
          gardenId,
          crop: 'Giraumon',
          count: 3,
          destination: 'market',
        }),
      ),
    ).toEqual(['countUnit: Un nombre va avec son unité.']);
    expect(
      problems(
        harvestInput.safeParse({
          harvestedOn: '2026-11-20',
          gardenId,
          crop: 'Giraumon',
          grams: -1,
          destination: 'market',
        }),
      ),
    ).toEqual(['grams: La masse ne peut être négative.']);
  });

  it('sums the grams per destination, counted harvests aside', () => {
    expect(
      harvestTotals([
        { grams: 1_000, destination: 'gardener' },
        { grams: 2_500, destination: 'market' },
        { grams: null, destination: 'market' },
        { grams: 500, destination: 'gardener' },
      ]),
    ).toEqual({
      gardener: 1_500,
      collective_distribution: 0,
      market: 2_500,
      solidarity_grocery: 0,
      total: 4_000,
    });
  });
});

describe('compostBatchInput', () => {
  it('is ready after it was started', () => {
    const r = compostBatchInput.safeParse({
      gardenId,
      startedOn: '2026-06-01',
      inputGrams: 40_000,
      measurement: 'weighed',
      readyOn: '2026-05-01',
      compostGrams: 10_000,
    });
    expect(problems(r)).toEqual(['readyOn: Le compost est prêt après avoir été lancé.']);
  });
});
