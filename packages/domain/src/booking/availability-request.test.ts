import { describe, expect, it } from 'vitest';
import { availabilityRequest } from './availability-request.ts';

const a = 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D';
const b = '11111111-2222-4333-8444-555555555555';

describe('availability request', () => {
  it('reads a comma-separated list of resources, lower-cased and without duplicates, and defaults the step', () => {
    const parsed = availabilityRequest.parse({
      resourceIds: `${a}, ${b},${a.toLowerCase()}`,
      from: '2026-12-08T08:00:00-03:00',
      to: '2026-12-09T08:00:00-03:00',
      duration: '60',
    });
    expect(parsed.resourceIds).toEqual([a.toLowerCase(), b]);
    expect(parsed.duration).toBe(60);
    expect(parsed.step).toBe(30);
  });

  it('refuses a reversed or too long period, a bad id and an odd duration, in French', () => {
    const reversed = availabilityRequest.safeParse({
      resourceIds: b,
      from: '2026-12-09T08:00:00-03:00',
      to: '2026-12-08T08:00:00-03:00',
      duration: '60',
    });
    expect(reversed.error?.issues.map((i) => i.message)).toEqual(['La fin doit suivre le début.']);
    const long = availabilityRequest.safeParse({
      resourceIds: b,
      from: '2026-01-01T00:00:00Z',
      to: '2026-06-01T00:00:00Z',
      duration: '60',
    });
    expect(long.error?.issues[0]?.message).toBe('Période de 62 jours au plus.');
    const bad = availabilityRequest.safeParse({
      resourceIds: 'pas-un-id',
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-02T00:00:00Z',
      duration: '62',
    });
    const messages = bad.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain('Durée en multiple de 5 minutes.');
    expect(messages.some((m) => /UUID/.test(m))).toBe(true);
  });
});
