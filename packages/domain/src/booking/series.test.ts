import { describe, expect, it } from 'vitest';
import { occurrenceVerdict, seriesCancel } from './series.ts';

describe('series', () => {
  it('judges an occurrence: skipped first, then unavailable, then in conflict, else free', () => {
    expect(occurrenceVerdict({ skipped: true, problems: ['fermé'], conflicts: [1] })).toBe(
      'skipped',
    );
    expect(occurrenceVerdict({ skipped: false, problems: ['fermé'], conflicts: [1] })).toBe(
      'unavailable',
    );
    expect(occurrenceVerdict({ skipped: false, problems: [], conflicts: [1] })).toBe('conflict');
    expect(occurrenceVerdict({ skipped: false, problems: [], conflicts: [] })).toBe('free');
  });

  it('needs the chosen occurrence to cancel one or the following ones, and always a reason', () => {
    expect(seriesCancel.safeParse({ scope: 'all', reason: 'Fin du partenariat' }).success).toBe(
      true,
    );
    const noBooking = seriesCancel.safeParse({ scope: 'following', reason: 'Travaux' });
    expect(noBooking.error?.issues[0]?.message).toBe(
      'Choisissez l’occurrence à partir de laquelle annuler.',
    );
    const noReason = seriesCancel.safeParse({ scope: 'all', reason: ' ' });
    expect(noReason.error?.issues[0]?.message).toBe('Indiquez le motif de l’annulation.');
  });
});
