import { describe, expect, it } from 'vitest';
import {
  openingWindow,
  overlappingWindows,
  sortWindows,
  weeklyOpeningHours,
} from './opening-hours.ts';

describe('opening hours', () => {
  it('refuses a window that closes before it opens, naming the field', () => {
    const result = openingWindow.safeParse({ weekday: 1, opens: '14:00', closes: '08:00' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['closes']);
  });

  it('refuses bad clock times and weekdays', () => {
    expect(openingWindow.safeParse({ weekday: 0, opens: '08:00', closes: '09:00' }).success).toBe(
      false,
    );
    expect(openingWindow.safeParse({ weekday: 8, opens: '08:00', closes: '09:00' }).success).toBe(
      false,
    );
    expect(openingWindow.safeParse({ weekday: 1, opens: '8:00', closes: '09:00' }).success).toBe(
      false,
    );
    expect(openingWindow.safeParse({ weekday: 1, opens: '24:00', closes: '24:30' }).success).toBe(
      false,
    );
  });

  it('finds overlapping windows of one day, but not touching ones or other days', () => {
    const windows = [
      { weekday: 2, opens: '14:00', closes: '19:30' },
      { weekday: 2, opens: '08:00', closes: '14:00' },
      { weekday: 3, opens: '08:00', closes: '12:00' },
      { weekday: 3, opens: '11:00', closes: '13:00' },
    ];
    expect(overlappingWindows(windows)).toEqual([[windows[2], windows[3]]]);
    const parsed = weeklyOpeningHours.safeParse(windows);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('08:00–12:00');
  });

  it('sorts by weekday then opening time', () => {
    const sorted = sortWindows([
      { weekday: 5, opens: '08:00', closes: '09:00' },
      { weekday: 1, opens: '14:00', closes: '15:00' },
      { weekday: 1, opens: '08:00', closes: '09:00' },
    ]);
    expect(sorted.map((w) => `${w.weekday} ${w.opens}`)).toEqual(['1 08:00', '1 14:00', '5 08:00']);
  });
});
