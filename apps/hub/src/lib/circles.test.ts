import { judgeCaseMove } from '@lakou/domain/circles';
import { describe, expect, it } from 'vitest';
import {
  caseFactsOf,
  clockIn,
  dayIn,
  dayWindow,
  isIsoDate,
  minutesBetween,
  nextStage,
  timeline,
  upcoming,
} from './circles.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('stages', () => {
  it('go forward one at a time and stop at the end', () => {
    expect(nextStage('intake')).toBe('pre_circles');
    expect(nextStage('post_circle')).toBe('closed');
    expect(nextStage('closed')).toBeNull();
    expect(nextStage('abandoned')).toBeNull();
  });

  it('mark the current step of the timeline', () => {
    expect(timeline('circle').map((s) => `${s.stage}:${s.state}`)).toEqual([
      'intake:done',
      'pre_circles:done',
      'circle:current',
      'post_circle:upcoming',
      'closed:upcoming',
    ]);
    expect(timeline('abandoned').at(-1)).toEqual({ stage: 'abandoned', state: 'current' });
  });
});

describe('case facts', () => {
  it('count only held pre-circles, so the domain explains what is missing', () => {
    const people = [
      { id: A, role: 'author' as const, consent: 'consented' as const },
      { id: B, role: 'receiver' as const, consent: 'consented' as const },
    ];
    const sessions = [
      { kind: 'pre_circle' as const, status: 'held' as const, participantIds: [A] },
      { kind: 'pre_circle' as const, status: 'scheduled' as const, participantIds: [B] },
    ];
    const facts = caseFactsOf({ stage: 'pre_circles' }, people, sessions, []);
    expect(judgeCaseMove(facts, { to: 'circle' })).toEqual({
      ok: false,
      reason: '1 personne(s) invitée(s) n’ont eu ni pré-cercle ni refus : pas de cercle avant.',
    });
    const held = sessions.map((s) => ({ ...s, status: 'held' as const }));
    expect(
      judgeCaseMove(caseFactsOf({ stage: 'pre_circles' }, people, held, []), { to: 'circle' }),
    ).toEqual({ ok: true });
  });
});

describe('times on the centre clock', () => {
  it('bound a day in Cayenne and read slots there', () => {
    expect(dayWindow('2027-02-17', 'America/Cayenne')).toEqual({
      from: '2027-02-17T00:00:00-03:00',
      to: '2027-02-18T00:00:00-03:00',
    });
    expect(clockIn('2027-02-17T12:30:00Z', 'America/Cayenne')).toBe('09:30');
    expect(dayIn('2027-02-18T01:00:00Z', 'America/Cayenne')).toBe('2027-02-17');
    expect(minutesBetween('2027-02-17T12:30:00Z', '2027-02-17T14:00:00Z')).toBe(90);
  });

  it('check dates and sort upcoming live sessions', () => {
    expect(isIsoDate('2027-02-17')).toBe(true);
    expect(isIsoDate('2027-02-30')).toBe(false);
    expect(isIsoDate('17/02/2027')).toBe(false);
    const now = Date.parse('2027-01-01T00:00:00Z');
    const list = [
      { start: '2027-03-01T12:00:00Z', status: 'scheduled' as const },
      { start: '2026-12-01T12:00:00Z', status: 'scheduled' as const },
      { start: '2027-02-01T12:00:00Z', status: 'scheduled' as const },
      { start: '2027-01-15T12:00:00Z', status: 'cancelled' as const },
    ];
    expect(upcoming(list, now).map((s) => s.start)).toEqual([
      '2027-02-01T12:00:00Z',
      '2027-03-01T12:00:00Z',
    ]);
  });
});
