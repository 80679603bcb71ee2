import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { uuid } from '../shared/ids.ts';
import { pageQuery } from '../shared/pagination.ts';

/**
 * Coworking passes sold to members: a day pass, a carnet of 10 days, or a month of unlimited
 * days. Each check-in at a desk consumes one day of a day pass or a carnet; a monthly pass counts
 * days but never runs out before its end date.
 */
export const passKinds = ['day', 'carnet10', 'monthly'] as const;
export type PassKind = (typeof passKinds)[number];

export interface PassKindRule {
  /** Days it holds; null = unlimited within its validity. */
  days: number | null;
  /** How long it stays valid from its first day. */
  validFor: Temporal.DurationLike;
  /** Default price in euro cents (a manager may sell it for less, or give it). */
  defaultPriceCents: number;
  label: string;
}

export const PASS_KINDS: Record<PassKind, PassKindRule> = {
  day: { days: 1, validFor: { months: 3 }, defaultPriceCents: 800, label: 'Pass journée' },
  carnet10: {
    days: 10,
    validFor: { months: 12 },
    defaultPriceCents: 6000,
    label: 'Carnet de 10 jours',
  },
  monthly: { days: null, validFor: { months: 1 }, defaultPriceCents: 12000, label: 'Pass mensuel' },
};

const localDate = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });

export const passInput = z.object({
  centreId: uuid,
  kind: z.enum(passKinds, { error: 'Type de pass attendu : day, carnet10 ou monthly.' }),
  holderName: z
    .string({ error: 'Indiquez le nom du membre.' })
    .trim()
    .min(2, { error: 'Le nom du membre compte au moins 2 caractères.' })
    .max(120, { error: 'Le nom du membre compte au plus 120 caractères.' }),
  holderEmail: z
    .email({ error: 'Adresse e-mail invalide.' })
    .max(254, { error: 'Adresse e-mail trop longue.' })
    .nullable()
    .default(null),
  validFrom: localDate.describe('First day of validity, in the centre’s calendar.'),
  priceCents: z
    .number({ error: 'Prix attendu en centimes.' })
    .int({ error: 'Le prix est un nombre entier de centimes.' })
    .min(0, { error: 'Le prix ne peut pas être négatif.' })
    .max(1_000_000, { error: 'Prix trop élevé.' })
    .optional()
    .describe('Euro cents; default: the kind’s price.'),
});
export type PassInput = z.infer<typeof passInput>;

export const coworkingPass = z
  .object({
    id: uuid,
    centreId: uuid,
    kind: z.enum(passKinds),
    holderName: z.string(),
    holderEmail: z.string().nullable(),
    validFrom: z.string(),
    validUntil: z.string().describe('Last day of validity (inclusive).'),
    daysTotal: z.number().int().nullable().describe('Null for a monthly pass (unlimited days).'),
    daysUsed: z.number().int(),
    daysLeft: z.number().int().nullable(),
    priceCents: z.number().int(),
    cancelledAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'CoworkingPass' });
export type CoworkingPass = z.infer<typeof coworkingPass>;

export const passListQuery = pageQuery.extend({
  centreId: uuid.optional(),
  q: z.string().trim().max(120).optional().describe('Part of the holder’s name.'),
  usable: z
    .enum(['true', 'false'], { error: 'usable vaut true ou false.' })
    .optional()
    .describe('Only passes that can still be used today (or only those that cannot).'),
});

/** The last day a pass starting on `validFrom` is valid (inclusive). */
export function passValidUntil(kind: PassKind, validFrom: string): string {
  return Temporal.PlainDate.from(validFrom)
    .add(PASS_KINDS[kind].validFor)
    .subtract({ days: 1 })
    .toString();
}

export function daysLeft(pass: Pick<CoworkingPass, 'daysTotal' | 'daysUsed'>): number | null {
  return pass.daysTotal === null ? null : Math.max(0, pass.daysTotal - pass.daysUsed);
}

export type CheckInVerdict = { ok: true } | { ok: false; reason: string; code: CheckInRefusal };
export type CheckInRefusal =
  | 'PASS_CANCELLED'
  | 'PASS_NOT_YET_VALID'
  | 'PASS_EXPIRED'
  | 'PASS_EMPTY'
  | 'PASS_OTHER_CENTRE'
  | 'ALREADY_CHECKED_IN';

const frDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

/**
 * Whether the holder of `pass` may check in at a desk of `centreId` on the local day `today`.
 * One check-in per pass and day: a second one the same day is refused, never charged twice.
 */
export function checkInVerdict(
  pass: Pick<
    CoworkingPass,
    'centreId' | 'validFrom' | 'validUntil' | 'daysTotal' | 'daysUsed' | 'cancelledAt'
  >,
  centreId: string,
  today: string,
  alreadyToday: boolean,
): CheckInVerdict {
  if (pass.cancelledAt !== null)
    return { ok: false, code: 'PASS_CANCELLED', reason: 'Ce pass a été annulé.' };
  if (pass.centreId !== centreId)
    return {
      ok: false,
      code: 'PASS_OTHER_CENTRE',
      reason: 'Ce pass a été vendu par un autre centre : il ne s’utilise que là-bas.',
    };
  if (alreadyToday)
    return {
      ok: false,
      code: 'ALREADY_CHECKED_IN',
      reason: 'Ce membre est déjà enregistré aujourd’hui : aucune journée n’est décomptée.',
    };
  if (today < pass.validFrom)
    return {
      ok: false,
      code: 'PASS_NOT_YET_VALID',
      reason: `Ce pass n’est valable qu’à partir du ${frDate(pass.validFrom)}.`,
    };
  if (today > pass.validUntil)
    return {
      ok: false,
      code: 'PASS_EXPIRED',
      reason: `Ce pass a expiré le ${frDate(pass.validUntil)}.`,
    };
  if (pass.daysTotal !== null && pass.daysUsed >= pass.daysTotal)
    return {
      ok: false,
      code: 'PASS_EMPTY',
      reason: 'Il ne reste aucune journée sur ce pass : proposez-en un nouveau.',
    };
  return { ok: true };
}
