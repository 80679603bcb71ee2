import { z } from 'zod';
import { uuid } from '../shared/ids.ts';
import { pageQuery } from '../shared/pagination.ts';
import { positiveCents } from './money.ts';

const localDate = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });

/**
 * Money or goods the fund gives to a centre or a partner association, on a decision of the
 * board. Money leaves a sub-fund through a ledger entry and never more than it holds; goods
 * are in-kind donations passed on.
 */
export const disbursementInput = z
  .object({
    kind: z.enum(['money', 'goods'], { error: 'Type attendu : money ou goods.' }),
    centreId: uuid.nullable().default(null),
    partnerId: uuid.nullable().default(null),
    subFundId: uuid.nullable().default(null).describe('Required for money.'),
    amountCents: positiveCents.nullable().default(null).describe('Required for money.'),
    donationIds: z
      .array(uuid)
      .max(100)
      .default([])
      .describe('For goods: the in-kind donations passed on.'),
    purpose: z
      .string({ error: 'Indiquez l’objet du décaissement.' })
      .trim()
      .min(3, { error: 'L’objet compte au moins 3 caractères.' })
      .max(500, { error: 'L’objet compte au plus 500 caractères.' }),
    decisionOn: localDate.describe('Date of the board decision.'),
    decisionRef: z
      .string({ error: 'Indiquez la référence de la décision du conseil.' })
      .trim()
      .min(2, { error: 'La référence compte au moins 2 caractères.' })
      .max(80, { error: 'La référence compte au plus 80 caractères.' }),
    paidOn: localDate.describe('Date the money or goods left the fund.'),
  })
  .superRefine((v, ctx) => {
    if ((v.centreId === null) === (v.partnerId === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['centreId'],
        message: 'Choisissez un bénéficiaire : un centre ou une association partenaire.',
      });
    }
    if (v.kind === 'money') {
      if (v.subFundId === null)
        ctx.addIssue({ code: 'custom', path: ['subFundId'], message: 'Choisissez le sous-fonds.' });
      if (v.amountCents === null)
        ctx.addIssue({ code: 'custom', path: ['amountCents'], message: 'Indiquez le montant.' });
    } else if (v.donationIds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['donationIds'],
        message: 'Choisissez les dons en nature transmis.',
      });
    }
    if (v.paidOn < v.decisionOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['paidOn'],
        message: 'Le décaissement ne peut précéder la décision du conseil.',
      });
    }
  });
export type DisbursementInput = z.infer<typeof disbursementInput>;

export const disbursement = z
  .object({
    id: uuid,
    kind: z.enum(['money', 'goods']),
    centreId: z.string().nullable(),
    partnerId: z.string().nullable(),
    beneficiaryName: z.string(),
    subFundId: z.string().nullable(),
    amountCents: z.number().int().describe('Money given, or the valuation of the goods.'),
    donationIds: z.array(z.string()),
    purpose: z.string(),
    decisionOn: z.string(),
    decisionRef: z.string(),
    paidOn: z.string(),
    ledgerEntryId: z.string().nullable(),
    reversed: z.boolean().describe('Its ledger entry was corrected.'),
    createdAt: z.string(),
  })
  .meta({ id: 'Disbursement' });
export type Disbursement = z.infer<typeof disbursement>;

export const disbursementListQuery = pageQuery.extend({
  subFundId: uuid.optional(),
  centreId: uuid.optional(),
  partnerId: uuid.optional(),
  from: localDate.optional(),
  to: localDate.optional(),
});
