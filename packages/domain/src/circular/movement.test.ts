import { describe, expect, it } from 'vitest';
import { inflowInput, outflowInput, reuseInput } from './movement.ts';
import { streamInput } from './stream.ts';

const ids = {
  centreId: '6c1f0a52-7a4f-4d4b-9d3e-2f1c9a0b1d11',
  streamId: '0b7a3c9e-5d1f-4c2a-8e6b-7f9d1a2c3b44',
  facilityId: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
  donationId: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
};
const messages = (r: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('movement inputs', () => {
  it('takes a weighing in integer grams, weighed or estimated, with its origin', () => {
    const parsed = inflowInput.parse({
      occurredOn: '2026-11-20',
      centreId: ids.centreId,
      streamId: ids.streamId,
      massGrams: 12_500,
      measurement: 'weighed',
      origin: 'collection',
    });
    expect(parsed.donationId).toBeNull();
    expect(parsed.note).toBeNull();
  });

  it('links a gift only to a « don en nature » inflow, and asks for it there', () => {
    const base = {
      occurredOn: '2026-11-20',
      centreId: ids.centreId,
      streamId: ids.streamId,
      massGrams: 1,
      measurement: 'estimated',
    };
    expect(messages(inflowInput.safeParse({ ...base, origin: 'donation' }))).toEqual([
      'donationId: Choisissez le don en nature.',
    ]);
    expect(
      messages(inflowInput.safeParse({ ...base, origin: 'drop_off', donationId: ids.donationId })),
    ).toEqual(['donationId: Un don ne se lie qu’à une entrée de provenance « don en nature ».']);
  });

  it('refuses grams that are not a positive integer, and more than 100 t at once', () => {
    for (const massGrams of [0, -5, 1.5, 100_000_001]) {
      const r = reuseInput.safeParse({
        occurredOn: '2026-11-20',
        centreId: ids.centreId,
        streamId: ids.streamId,
        kind: 'repaired',
        itemCount: 3,
        massGrams,
        measurement: 'weighed',
      });
      expect(r.success, String(massGrams)).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['massGrams']);
    }
  });

  it('checks the operation code against the treatment of a shipment', () => {
    const shipment = {
      occurredOn: '2026-11-20',
      centreId: ids.centreId,
      streamId: ids.streamId,
      massGrams: 300_000,
      measurement: 'weighed',
      facilityId: ids.facilityId,
    };
    expect(
      outflowInput.parse({ ...shipment, treatment: 'recycling', operationCode: ' r3 ' })
        .operationCode,
    ).toBe('R3');
    expect(
      messages(
        outflowInput.safeParse({ ...shipment, treatment: 'recycling', operationCode: 'D5' }),
      )[0],
    ).toMatch(/^operationCode: Le code D5 ne correspond pas/);
    expect(
      messages(outflowInput.safeParse({ ...shipment, treatment: 'energy_recovery' }))[0],
    ).toMatch(/^operationCode: Indiquez le code/);
    expect(
      outflowInput.parse({ ...shipment, treatment: 'reuse', operationCode: '' }).operationCode,
    ).toBeNull();
  });
});

describe('streamInput', () => {
  it('stores the waste code in its canonical form and refuses one not in the list', () => {
    const base = { code: 'cartons', name: 'Cartons', family: 'packaging' };
    expect(streamInput.parse({ ...base, wasteCode: '150101' }).wasteCode).toBe('15 01 01');
    expect(messages(streamInput.safeParse({ ...base, wasteCode: ' 20 01 99 ' }))).toEqual([]);
    expect(messages(streamInput.safeParse({ ...base, wasteCode: '15 01 98' }))).toEqual([
      'wasteCode: Le code 15 01 98 n’est pas dans la liste européenne des déchets.',
    ]);
    expect(messages(streamInput.safeParse({ ...base, code: 'Cartons!' }))[0]).toMatch(/^code: /);
  });
});
