import { z } from 'zod';
import { uuid } from '../shared/ids.ts';

/**
 * The fund keeps three buckets (DOMAIN-NOTES): unrestricted money, money restricted to a purpose
 * (a centre, the gardens, a grant's project), and the capital endowment (*dotation*), which may
 * be spent only if the statutes say it is consumable.
 */
export const subFundKinds = ['unrestricted', 'restricted', 'endowment'] as const;
export type SubFundKind = (typeof subFundKinds)[number];

export const SUB_FUND_KIND_LABELS: Record<SubFundKind, string> = {
  unrestricted: 'Libre d’affectation',
  restricted: 'Affecté',
  endowment: 'Dotation en capital',
};

const code = z
  .string({ error: 'Indiquez un code court.' })
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,23}$/, {
    error: 'Le code compte 2 à 24 caractères : majuscules, chiffres et tirets.',
  });

export const subFundInput = z
  .object({
    code,
    name: z
      .string({ error: 'Indiquez le nom du sous-fonds.' })
      .trim()
      .min(2, { error: 'Le nom compte au moins 2 caractères.' })
      .max(120, { error: 'Le nom compte au plus 120 caractères.' }),
    kind: z.enum(subFundKinds, {
      error: 'Type attendu : unrestricted, restricted ou endowment.',
    }),
    purpose: z
      .string()
      .trim()
      .max(500, { error: 'L’objet compte au plus 500 caractères.' })
      .nullable()
      .default(null),
    centreId: uuid.nullable().default(null).describe('For money restricted to one centre.'),
    consumable: z
      .boolean()
      .default(false)
      .describe('Endowment only: whether the statutes let the capital be spent.'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'restricted' && !v.purpose && !v.centreId) {
      ctx.addIssue({
        code: 'custom',
        path: ['purpose'],
        message: 'Un sous-fonds affecté indique son objet (un centre, les jardins, un projet…).',
      });
    }
    if (v.kind !== 'endowment' && v.consumable) {
      ctx.addIssue({
        code: 'custom',
        path: ['consumable'],
        message: 'Seule la dotation en capital peut être déclarée consommable.',
      });
    }
  });
export type SubFundInput = z.infer<typeof subFundInput>;

export const subFund = z
  .object({
    id: uuid,
    code: z.string(),
    name: z.string(),
    kind: z.enum(subFundKinds),
    purpose: z.string().nullable(),
    centreId: z.string().nullable(),
    grantId: z.string().nullable(),
    consumable: z.boolean(),
    balanceCents: z.number().int().describe('Sum of the ledger entries up to the date asked.'),
    availableCents: z
      .number()
      .int()
      .describe('What a disbursement may take: the balance, or 0 for a non-consumable endowment.'),
    createdAt: z.string(),
  })
  .meta({ id: 'SubFund' });
export type SubFund = z.infer<typeof subFund>;

/** What may be disbursed from a sub-fund holding `balanceCents`. */
export function availableOf(
  fund: { kind: SubFundKind; consumable: boolean },
  balanceCents: number,
): number {
  if (fund.kind === 'endowment' && !fund.consumable) return 0;
  return Math.max(0, balanceCents);
}
