import { describe, expect, it } from 'vitest';
import { patternOf } from './route-preloads.ts';

describe('the URL pattern of a route file', () => {
  it('follows TanStack Router’s file names', () => {
    expect(patternOf('centres/$centreId_.agenda')).toEqual(['centres', '$centreId', 'agenda']);
    expect(patternOf('centres/$centreId_.events_.$eventId')).toEqual([
      'centres',
      '$centreId',
      'events',
      '$eventId',
    ]);
    expect(patternOf('centres/$centreId')).toEqual(['centres', '$centreId']);
    expect(patternOf('index')).toEqual([]);
    expect(patternOf('fund/index')).toEqual(['fund']);
    expect(patternOf('inscriptions/annuler')).toEqual(['inscriptions', 'annuler']);
    expect(patternOf('forgot-password')).toEqual(['forgot-password']);
    // A pathless layout adds no segment.
    expect(patternOf('_signed-in/fund')).toEqual(['fund']);
  });
});
