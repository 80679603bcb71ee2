import { z } from 'zod';
import { uuid } from '../shared/ids.ts';

export const checkInInput = z.object({
  passId: uuid,
  resourceId: uuid
    .nullable()
    .default(null)
    .describe('The desk taken, when the centre assigns desks.'),
});
export type CheckInInput = z.infer<typeof checkInInput>;

export const checkIn = z
  .object({
    id: uuid,
    passId: uuid,
    centreId: uuid,
    resourceId: uuid.nullable(),
    resourceName: z.string().nullable(),
    holderName: z.string(),
    passKind: z.string(),
    day: z.string().describe('Local date of the check-in in the centre’s zone.'),
    at: z.string(),
    daysLeft: z.number().int().nullable().describe('Days left on the pass after this check-in.'),
  })
  .meta({ id: 'CheckIn' });
export type CheckIn = z.infer<typeof checkIn>;

export const checkInListQuery = z.object({
  centreId: uuid,
  day: z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' }).optional(),
});

export const occupancy = z
  .object({
    day: z.string(),
    seats: z.number().int().describe('Desk places in the centre (sum of active desks’ capacity).'),
    checkedIn: z.number().int(),
    rate: z.number().describe('checkedIn / seats, 0 when the centre has no desk.'),
  })
  .meta({ id: 'Occupancy' });
export type Occupancy = z.infer<typeof occupancy>;

/** Today's occupancy of the coworking space; the rate may pass 1 when people share desks. */
export function occupancyOf(day: string, seats: number, checkedIn: number): Occupancy {
  return { day, seats, checkedIn, rate: seats > 0 ? checkedIn / seats : 0 };
}
