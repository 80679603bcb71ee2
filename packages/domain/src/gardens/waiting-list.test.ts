import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plotIsFree, queueVerdict, reachesToday, waitingPositions } from './waiting-list.ts';

const TODAY = '2026-11-23';
const request = (id: string, gardenerId: string, requestedOn: string, createdAt: string) => ({
  id,
  gardenerId,
  requestedOn,
  createdAt,
});
// Asked in this order: Rosemond on the 1st, then Lin and Ho-A-Chuck on the 5th (Lin recorded first).
const queue = [
  request('r-ho', 'g-ho', '2026-10-05', '2026-10-05T15:00:00.000Z'),
  request('r-rosemond', 'g-rosemond', '2026-10-01', '2026-10-01T12:00:00.000Z'),
  request('r-lin', 'g-lin', '2026-10-05', '2026-10-05T13:00:00.000Z'),
];
const open = { startsOn: TODAY, endsOn: null };

describe('free plots', () => {
  it('is free only when every period ended before today', () => {
    expect(plotIsFree([], TODAY)).toBe(true);
    expect(plotIsFree([{ startsOn: '2024-01-01', endsOn: '2026-11-22' }], TODAY)).toBe(true);
    expect(plotIsFree([{ startsOn: '2024-01-01', endsOn: TODAY }], TODAY)).toBe(false);
    expect(plotIsFree([{ startsOn: '2024-01-01', endsOn: null }], TODAY)).toBe(false);
    // Promised from next month: not free for someone else today.
    expect(plotIsFree([{ startsOn: '2026-12-01', endsOn: null }], TODAY)).toBe(false);
  });

  it('a period reaches today when it is open or ends today or later', () => {
    expect(reachesToday({ startsOn: '2020-01-01', endsOn: null }, TODAY)).toBe(true);
    expect(reachesToday({ startsOn: '2020-01-01', endsOn: TODAY }, TODAY)).toBe(true);
    expect(reachesToday({ startsOn: '2020-01-01', endsOn: '2026-11-22' }, TODAY)).toBe(false);
  });
});

describe('waiting list', () => {
  it('numbers requests 1..n, first asked first, then in the order recorded', () => {
    expect(waitingPositions(queue).map((r) => [r.id, r.position])).toEqual([
      ['r-rosemond', 1],
      ['r-lin', 2],
      ['r-ho', 3],
    ]);
  });

  it('gives an individual plot to the first in line only', () => {
    const refusal = queueVerdict(
      queue,
      { plotKind: 'individual', gardenerId: 'g-lin', period: open, waitingRequestId: 'r-lin' },
      TODAY,
    );
    expect(refusal?.code).toBe('QUEUE_FIRST');
    expect(refusal?.field).toBe('waitingRequestId');
    expect(refusal?.firstRequestId).toBe('r-rosemond');
    // Someone not on the list at all is refused the same way.
    expect(
      queueVerdict(
        queue,
        { plotKind: 'individual', gardenerId: 'g-new', period: open, waitingRequestId: null },
        TODAY,
      )?.code,
    ).toBe('QUEUE_FIRST');
    expect(
      queueVerdict(
        queue,
        {
          plotKind: 'individual',
          gardenerId: 'g-rosemond',
          period: open,
          waitingRequestId: 'r-rosemond',
        },
        TODAY,
      ),
    ).toBeNull();
  });

  it('lets anyone in when nobody waits, on a collective plot, or for a period in the past', () => {
    const anyone = { gardenerId: 'g-new', waitingRequestId: null };
    expect(queueVerdict([], { ...anyone, plotKind: 'individual', period: open }, TODAY)).toBeNull();
    expect(
      queueVerdict(queue, { ...anyone, plotKind: 'collective', period: open }, TODAY),
    ).toBeNull();
    expect(
      queueVerdict(
        queue,
        {
          ...anyone,
          plotKind: 'individual',
          period: { startsOn: '2024-03-01', endsOn: '2025-02-28' },
        },
        TODAY,
      ),
    ).toBeNull();
  });

  it('refuses a request that is not waiting, or that is someone else’s', () => {
    expect(
      queueVerdict(
        queue,
        { plotKind: 'collective', gardenerId: 'g-x', period: open, waitingRequestId: 'r-gone' },
        TODAY,
      )?.code,
    ).toBe('NOT_WAITING');
    const mismatch = queueVerdict(
      queue,
      { plotKind: 'individual', gardenerId: 'g-lin', period: open, waitingRequestId: 'r-rosemond' },
      TODAY,
    );
    expect(mismatch?.code).toBe('WAITING_REQUEST_MISMATCH');
    expect(mismatch?.field).toBe('gardenerId');
  });

  it('always lets exactly the first request through on an individual plot (property)', () => {
    const req = fc.record({
      id: fc.uuid(),
      gardenerId: fc.uuid(),
      requestedOn: fc.constantFrom('2026-01-01', '2026-01-02', '2026-01-03'),
      createdAt: fc.constantFrom('2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(req, { minLength: 1, maxLength: 8, selector: (r) => r.id }),
        (rs) => {
          const positions = waitingPositions(rs);
          const accepted = rs.filter(
            (r) =>
              queueVerdict(
                rs,
                {
                  plotKind: 'individual',
                  gardenerId: r.gardenerId,
                  period: open,
                  waitingRequestId: r.id,
                },
                TODAY,
              ) === null,
          );
          expect(accepted.map((r) => r.id)).toEqual([positions[0]?.id]);
        },
      ),
    );
  });
});
