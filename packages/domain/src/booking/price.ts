import { epochMs, type InstantLike } from './interval.ts';
import { type Audience, isPayingAudience, type Tariff } from './tariff.ts';

const MS_PER_HALF_HOUR = 30 * 60_000;

export interface PriceBreakdown {
  audience: Audience;
  /** Exact length of the booking. */
  durationMinutes: number;
  /** Half hours billed: every started half hour counts in full. */
  billedHalfHours: number;
  hourlyRateCents: number;
  /** Time part: billed half hours × half the hourly rate. */
  timeCents: number;
  flatFeeCents: number;
}

export interface Price {
  /** What the booking costs, in euro cents: an integer, never negative. */
  cents: number;
  breakdown: PriceBreakdown;
}

/**
 * The price of booking a resource over [start, end) for an audience.
 *
 * Time is billed per started half hour: 1 h 10 min is billed as 1 h 30 (3 half hours). The time
 * part is the billed half hours times half the hourly rate; when that leaves half a cent (an odd
 * hourly rate over an odd number of half hours) the half cent is dropped, in the payer's favour.
 * The flat fee is added once. The centre's own programme pays nothing, flat fee included. An empty
 * interval (end ≤ start) costs nothing.
 */
export function priceOf(
  tariff: Tariff,
  audience: Audience,
  start: InstantLike,
  end: InstantLike,
): Price {
  const lengthMs = Math.max(0, epochMs(end) - epochMs(start));
  const durationMinutes = lengthMs / 60_000;
  const billedHalfHours = Math.ceil(lengthMs / MS_PER_HALF_HOUR);
  const hourlyRateCents = isPayingAudience(audience) ? tariff.hourlyCents[audience] : 0;
  const timeCents = Math.floor((billedHalfHours * hourlyRateCents) / 2);
  const flatFeeCents = isPayingAudience(audience) && billedHalfHours > 0 ? tariff.flatFeeCents : 0;
  return {
    cents: timeCents + flatFeeCents,
    breakdown: {
      audience,
      durationMinutes,
      billedHalfHours,
      hourlyRateCents,
      timeCents,
      flatFeeCents,
    },
  };
}
