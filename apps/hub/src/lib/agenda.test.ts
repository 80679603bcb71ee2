import type { Booking, CentreCalendar, Resource } from '@lakou/domain/booking/rules';
import { describe, expect, it } from 'vitest';
import {
  allPages,
  bookingEvents,
  defaultView,
  describeBooking,
  formatCentreRange,
  preCheck,
  toCentreIso,
} from './agenda.ts';

const CAYENNE = 'America/Cayenne';
const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  opens: '08:00',
  closes: '20:00',
}));
const calendar = {
  timeZone: CAYENNE,
  openingHours: allWeek,
  closures: [],
} as unknown as CentreCalendar;

const room: Resource = {
  id: '11111111-1111-4111-8111-111111111111',
  centreId: '22222222-2222-4222-8222-222222222222',
  kind: 'room',
  name: 'Salle Maripa',
  description: null,
  capacity: 12,
  amenities: [],
  stepFree: true,
  bookableHours: null,
  minDurationMinutes: 30,
  maxDurationMinutes: 480,
  bufferMinutes: 15,
  requiresApproval: false,
  tariff: {
    hourlyCents: { member: 1000, qpv_resident: 500, association: 800, company: 2000 },
    flatFeeCents: 0,
  },
  active: true,
};

function booking(over: Partial<Booking>): Booking {
  return {
    id: '33333333-3333-4333-8333-333333333333',
    centreId: room.centreId,
    resourceId: room.id,
    start: '2026-12-08T09:00:00-03:00',
    end: '2026-12-08T11:00:00-03:00',
    status: 'confirmed',
    organiser: { kind: 'partner', name: 'Association Kaz' },
    purpose: 'Atelier couture',
    headcount: 8,
    basicNeeds: [],
    audience: 'association',
    priceCents: 1600,
    seriesId: null,
    cancelReason: null,
    custom: {},
    ...over,
  };
}

describe('toCentreIso', () => {
  it('writes an instant on the centre’s clock with seconds and offset', () => {
    expect(toCentreIso(new Date('2026-12-08T12:00:00Z'), CAYENNE)).toBe(
      '2026-12-08T09:00:00-03:00',
    );
    expect(toCentreIso('2026-07-01T10:30:00Z', 'Europe/Paris')).toBe('2026-07-01T12:30:00+02:00');
  });
});

describe('formatCentreRange', () => {
  it('reads the span in the centre’s zone, whatever the viewer’s', () => {
    expect(
      formatCentreRange('2026-12-08T12:00:00Z', '2026-12-08T14:00:00Z', CAYENNE, 'fr-FR'),
    ).toBe('mardi 8 décembre 2026, 09:00 – 11:00');
  });
  it('names both days when the booking spans midnight', () => {
    expect(
      formatCentreRange('2026-12-08T22:00:00-03:00', '2026-12-09T01:00:00-03:00', CAYENNE, 'fr-FR'),
    ).toBe('mardi 8 décembre 2026, 22:00 – mercredi 9 décembre 2026, 01:00');
  });
});

describe('preCheck', () => {
  const existing = booking({});
  it('finds a loaded booking of the same resource that overlaps, buffer included', () => {
    const check = preCheck(
      {
        resourceId: room.id,
        start: '2026-12-08T11:10:00-03:00',
        end: '2026-12-08T12:00:00-03:00',
        headcount: 4,
      },
      room,
      [existing],
      calendar,
    );
    expect(check.conflicts.map((b) => b.id)).toEqual([existing.id]);
    expect(check.problems).toEqual([]);
  });
  it('ignores cancelled bookings, other resources and the booking being moved', () => {
    const candidate = {
      resourceId: room.id,
      start: '2026-12-08T10:00:00-03:00',
      end: '2026-12-08T12:00:00-03:00',
      headcount: 4,
    };
    const others = [
      booking({ id: 'a', status: 'cancelled' }),
      booking({ id: 'b', resourceId: 'another' }),
      booking({ id: 'c' }),
    ];
    expect(preCheck({ ...candidate, bookingId: 'c' }, room, others, calendar).conflicts).toEqual(
      [],
    );
  });
  it('reports the resource’s rules the domain checks (capacity here)', () => {
    const check = preCheck(
      {
        resourceId: room.id,
        start: '2026-12-08T14:00:00-03:00',
        end: '2026-12-08T15:00:00-03:00',
        headcount: 30,
      },
      room,
      [],
      calendar,
    );
    expect(check.problems.map((p) => p.field)).toContain('headcount');
  });
});

describe('describeBooking', () => {
  it('says which booking and when, in French', () => {
    expect(describeBooking(booking({}), CAYENNE, 'fr-FR')).toBe(
      '« Atelier couture » (Association Kaz), mardi 8 décembre 2026, 09:00 – 11:00',
    );
  });
});

describe('bookingEvents', () => {
  it('leaves cancelled bookings out and lets writers move only bookings still to come', () => {
    const events = bookingEvents(
      [
        booking({ id: 'x' }),
        booking({ id: 'y', status: 'cancelled' }),
        booking({ id: 'z', status: 'checked_in' }),
      ],
      true,
    );
    expect(events.map((e) => [e.id, e.editable])).toEqual([
      ['x', true],
      ['z', false],
    ]);
    expect(bookingEvents([booking({})], false)[0]?.editable).toBe(false);
  });
});

describe('defaultView', () => {
  it('is the list on a phone and the resource timeline elsewhere', () => {
    expect(defaultView(390)).toBe('listWeek');
    expect(defaultView(1280)).toBe('resourceTimelineDay');
  });
});

describe('allPages', () => {
  it('follows pages until the total is reached', async () => {
    const pages = [[1, 2], [3, 4], [5]];
    const seen: number[] = [];
    const items = await allPages(async (page) => {
      seen.push(page);
      return { items: pages[page - 1] ?? [], total: 5, pageSize: 2 };
    });
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(seen).toEqual([1, 2, 3]);
  });
});
