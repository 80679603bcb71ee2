import { describe, expect, it } from 'vitest';
import { gardenerPatch, gardenPatch } from './garden.ts';

describe('patches of gardens and gardeners', () => {
  it('change only the fields sent: nothing falls back to a default', () => {
    expect(gardenPatch.parse({ name: 'Jardin des Chinois' })).toEqual({
      name: 'Jardin des Chinois',
    });
    expect(gardenPatch.parse({ description: '  ' })).toEqual({ description: null });
    expect(gardenerPatch.parse({})).toEqual({});
    expect(gardenerPatch.parse({ email: '' })).toEqual({ email: null });
  });

  it('still check what is sent', () => {
    expect(gardenPatch.safeParse({ gridColumns: 21 }).success).toBe(false);
    expect(gardenerPatch.safeParse({ email: 'pas-une-adresse' }).success).toBe(false);
    expect(gardenerPatch.safeParse({ name: 'A' }).success).toBe(false);
  });
});
