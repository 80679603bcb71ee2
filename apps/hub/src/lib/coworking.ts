import { Temporal } from 'temporal-polyfill';

/*
 * Pure helpers of the coworking page: prices typed in euros, the time of a check-in on the
 * centre's clock, what a refused check-in lets the manager do next. No React: unit-tested in Node.
 */

/**
 * A price typed in euros (« 8 », « 8,50 », « 8.5 », « 8,50 € ») as integer cents, or `null`
 * when it is not a price. Never goes through a float product: « 0,29 » is 29 cents exactly.
 */
export function eurosToCents(text: string): number | null {
  const trimmed = text
    .replace(/\s|\u00a0|\u202f/g, '')
    .replace(/€$/, '')
    .replace(',', '.');
  const match = /^(\d{1,7})(?:\.(\d{0,2}))?$/.exec(trimmed);
  if (!match) return null;
  const euros = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return euros * 100 + cents;
}

/** Cents as the text of a price field in euros: « 8 », « 8,50 » (French decimal comma). */
export function centsToEuroText(cents: number, locale: string): string {
  const euros = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  if (rest === 0) return String(euros);
  const separator = locale.startsWith('fr') ? ',' : '.';
  return `${euros}${separator}${String(rest).padStart(2, '0')}`;
}

/** The clock time of an instant in the centre's zone: « 08:30 ». */
export function clockTimeIn(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(Temporal.Instant.from(iso).epochMilliseconds);
}

/** Refusals after which the member needs a new pass: the manager is offered to sell one. */
const NEEDS_NEW_PASS = new Set(['PASS_EMPTY', 'PASS_EXPIRED', 'PASS_CANCELLED']);

export function refusalNeedsNewPass(code: string | undefined): boolean {
  return code !== undefined && NEEDS_NEW_PASS.has(code);
}

/** The width of the occupancy bar, in percent: full at 100 even when people share desks. */
export function occupancyPercent(checkedIn: number, seats: number): number {
  if (seats <= 0) return checkedIn > 0 ? 100 : 0;
  return Math.min(100, Math.round((checkedIn / seats) * 100));
}

/** Whether a pass can still be used on `today` (the same rule the API filters `usable` with). */
export function isUsableOn(
  pass: {
    cancelledAt: string | null;
    validFrom: string;
    validUntil: string;
    daysLeft: number | null;
  },
  today: string,
): boolean {
  return (
    pass.cancelledAt === null &&
    pass.validFrom <= today &&
    today <= pass.validUntil &&
    (pass.daysLeft === null || pass.daysLeft > 0)
  );
}
