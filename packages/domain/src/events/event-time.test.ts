import { describe, expect, it } from 'vitest';
import { describeEventTime } from './event-time.ts';

describe('describeEventTime', () => {
  it('says the time in the centre’s zone, whatever the reader’s', () => {
    // 21:00Z is 18:00 in Cayenne (UTC-3) and 22:00 in Paris in November (UTC+1).
    expect(
      describeEventTime('2026-11-24T21:00:00Z', '2026-11-24T22:30:00Z', 'America/Cayenne'),
    ).toBe('mardi 24 novembre 2026, 18:00–19:30');
    expect(describeEventTime('2026-11-24T21:00:00Z', '2026-11-24T22:30:00Z', 'Europe/Paris')).toBe(
      'mardi 24 novembre 2026, 22:00–23:30',
    );
  });

  it('names both days when the event runs over several', () => {
    expect(
      describeEventTime('2026-11-24T12:00:00Z', '2026-11-25T20:00:00Z', 'America/Cayenne'),
    ).toBe('du mardi 24 novembre 2026, 09:00 au mercredi 25 novembre 2026, 17:00');
  });
});
