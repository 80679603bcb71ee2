import { describe, expect, it } from 'vitest';
import { closureTargetInput } from './closure-target.ts';

const id = '11111111-2222-4333-8444-555555555555';

describe('closure of a centre or a resource', () => {
  it('closes exactly one of them', () => {
    const both = closureTargetInput.safeParse({
      centreId: id,
      resourceId: id,
      startsOn: '2026-12-01',
      endsOn: '2026-12-02',
      reason: 'Travaux',
    });
    expect(both.error?.issues[0]?.message).toBe(
      'Fermez soit un centre (centreId), soit une ressource (resourceId).',
    );
    const neither = closureTargetInput.safeParse({
      startsOn: '2026-12-01',
      endsOn: '2026-12-02',
      reason: 'Travaux',
    });
    expect(neither.success).toBe(false);
    expect(
      closureTargetInput.safeParse({
        resourceId: id,
        startsOn: '2026-12-01',
        endsOn: '2026-12-01',
        reason: 'Travaux',
      }).success,
    ).toBe(true);
  });

  it('refuses a period that ends before it starts, or no reason, in French', () => {
    const reversed = closureTargetInput.safeParse({
      centreId: id,
      startsOn: '2026-12-02',
      endsOn: '2026-12-01',
      reason: 'Travaux',
    });
    expect(reversed.error?.issues[0]?.message).toBe(
      'La fin de la fermeture ne peut pas précéder son début.',
    );
    const silent = closureTargetInput.safeParse({
      centreId: id,
      startsOn: '2026-12-01',
      endsOn: '2026-12-01',
      reason: '  ',
    });
    expect(silent.error?.issues[0]?.message).toBe('Indiquez le motif de la fermeture.');
  });
});
