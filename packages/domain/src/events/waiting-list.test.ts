import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeRequest, promotions, type Seat, seatsTaken, waitingLine } from './waiting-list.ts';

const at = (minute: number) => `2026-11-23T10:${String(minute).padStart(2, '0')}:00.000Z`;
const reg = (id: string, status: Seat['status'], seats: number, minute: number): Seat => ({
  id,
  status,
  seats,
  requestedAt: at(minute),
});

describe('placeRequest', () => {
  it('registers while seats remain, then waitlists', () => {
    const regs = [reg('a', 'registered', 2, 1), reg('b', 'registered', 1, 2)];
    expect(placeRequest(4, regs, 1)).toBe('registered');
    expect(placeRequest(4, regs, 2)).toBe('waitlisted');
    expect(placeRequest(3, regs, 1)).toBe('waitlisted');
  });

  it('does not let a newcomer jump the waiting list even when a seat is free', () => {
    // One seat is free but a family of 2 is waiting: a single person goes behind them.
    const regs = [reg('a', 'registered', 3, 1), reg('f', 'waitlisted', 2, 2)];
    expect(placeRequest(4, regs, 1)).toBe('waitlisted');
  });

  it('ignores cancelled registrations', () => {
    expect(placeRequest(1, [reg('a', 'cancelled', 1, 1)], 1)).toBe('registered');
  });
});

describe('promotions', () => {
  it('promotes the head of the line, first come first served', () => {
    const regs = [
      reg('a', 'cancelled', 1, 1),
      reg('w2', 'waitlisted', 1, 5),
      reg('w1', 'waitlisted', 1, 3),
      reg('b', 'registered', 1, 2),
    ];
    expect(promotions(2, regs).map((r) => r.id)).toEqual(['w1']);
    expect(promotions(3, regs).map((r) => r.id)).toEqual(['w1', 'w2']);
  });

  it('stops at a group that does not fit rather than skipping it', () => {
    const regs = [
      reg('a', 'registered', 3, 1),
      reg('family', 'waitlisted', 3, 2),
      reg('single', 'waitlisted', 1, 3),
    ];
    expect(promotions(5, regs)).toEqual([]);
    expect(promotions(6, regs).map((r) => r.id)).toEqual(['family']);
  });

  it('promotes nobody when the event is over capacity (capacity lowered)', () => {
    expect(promotions(1, [reg('a', 'registered', 3, 1), reg('w', 'waitlisted', 1, 2)])).toEqual([]);
  });
});

/** A random history of requests and cancellations applied with the rules, as the API does. */
const history = fc.record({
  capacity: fc.integer({ min: 1, max: 12 }),
  steps: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('request' as const), seats: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
      fc.record({
        kind: fc.constant('resize' as const),
        capacity: fc.integer({ min: 1, max: 12 }),
      }),
    ),
    { maxLength: 40 },
  ),
});

type Step =
  | { kind: 'request'; seats: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'resize'; capacity: number };

function replay(capacity0: number, steps: readonly Step[]) {
  let capacity = capacity0;
  const regs: Seat[] = [];
  const promotedOrder: string[] = [];
  const settle = () => {
    for (const p of promotions(capacity, regs)) {
      const r = regs.find((x) => x.id === p.id);
      if (r) r.status = 'registered';
      promotedOrder.push(p.id);
    }
  };
  steps.forEach((step, i) => {
    if (step.kind === 'request') {
      regs.push({
        id: `r${i}`,
        seats: step.seats,
        requestedAt: at(i),
        status: placeRequest(capacity, regs, step.seats),
      });
    } else if (step.kind === 'cancel') {
      const live = regs.filter((r) => r.status !== 'cancelled');
      const target = live[step.pick % Math.max(1, live.length)];
      if (target) target.status = 'cancelled';
      settle();
    } else {
      capacity = step.capacity;
      settle();
    }
  });
  return { regs, capacity, promotedOrder };
}

describe('waiting list properties', () => {
  it('never seats more than the capacity, unless the capacity was lowered under it', () => {
    fc.assert(
      fc.property(history, ({ capacity, steps }) => {
        const { regs } = replay(capacity, steps);
        // Seats are only ever given within the capacity of the moment; without resizes the
        // total always stays within the capacity.
        if (steps.every((s) => s.kind !== 'resize')) {
          let total = 0;
          for (const r of regs) if (r.status === 'registered') total += r.seats;
          expect(total).toBeLessThanOrEqual(capacity);
        }
      }),
    );
  });

  it('promotes in the order people asked', () => {
    fc.assert(
      fc.property(history, ({ capacity, steps }) => {
        const { promotedOrder } = replay(capacity, steps);
        const indices = promotedOrder.map((id) => Number(id.slice(1)));
        expect(indices).toEqual([...indices].sort((a, b) => a - b));
      }),
    );
  });

  it('leaves nobody waiting whose turn has come and who fits', () => {
    fc.assert(
      fc.property(history, ({ capacity, steps }) => {
        const { regs, capacity: final } = replay(capacity, steps);
        const head = waitingLine(regs)[0];
        if (head) expect(seatsTaken(regs) + head.seats).toBeGreaterThan(final);
      }),
    );
  });
});
