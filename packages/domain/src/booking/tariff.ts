import { z } from 'zod';

/** Who a booking is for, which sets its price. */
export const audiences = [
  'member',
  'qpv_resident',
  'association',
  'company',
  'centre_programme',
] as const;
export const audience = z.enum(audiences, {
  error: `Public attendu : ${audiences.join(', ')}.`,
});
export type Audience = z.infer<typeof audience>;

/** The audiences a tariff sets a rate for; the centre's own programme is always free. */
export const payingAudiences = ['member', 'qpv_resident', 'association', 'company'] as const;
export type PayingAudience = (typeof payingAudiences)[number];

/** Upper bound on any amount in a tariff (10 000 €), far below the safe-integer limit. */
export const TARIFF_MAX_CENTS = 1_000_000;

const cents = z
  .number({ error: 'Montant en centimes attendu.' })
  .int({ error: 'Montant en centimes entiers (pas de virgule).' })
  .min(0, { error: 'Un montant ne peut pas être négatif.' })
  .max(TARIFF_MAX_CENTS, { error: 'Montant trop élevé (10 000 € au plus).' });

/**
 * A resource's price list: an hourly rate in cents for each paying audience, and an optional flat
 * fee added once per booking (cleaning, keys). Bookings of the centre's own programme
 * (`centre_programme`) are always free.
 */
export const tariff = z
  .object({
    hourlyCents: z.object({
      member: cents,
      qpv_resident: cents,
      association: cents,
      company: cents,
    }),
    flatFeeCents: cents.default(0).describe('Added once per booking, for paying audiences.'),
  })
  .meta({ id: 'Tariff' });
export type Tariff = z.infer<typeof tariff>;

/** A resource lent for free to everybody. */
export const FREE_TARIFF: Tariff = {
  hourlyCents: { member: 0, qpv_resident: 0, association: 0, company: 0 },
  flatFeeCents: 0,
};

export function isPayingAudience(a: Audience): a is PayingAudience {
  return a !== 'centre_programme';
}
