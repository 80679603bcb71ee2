import { z } from 'zod';
import { uuid } from '../shared/ids.ts';
import { pageQuery } from '../shared/pagination.ts';

export const partnerKinds = ['association', 'public_body', 'company', 'foundation'] as const;
export const partnerKind = z.enum(partnerKinds, {
  error: `Type de partenaire attendu : ${partnerKinds.join(', ')}.`,
});
export type PartnerKind = z.infer<typeof partnerKind>;

export const partner = z
  .object({
    id: uuid,
    organisationId: uuid,
    name: z.string(),
    kind: partnerKind,
    description: z.string(),
    website: z.string().nullable(),
    centreIds: z
      .array(uuid)
      .describe('Centres where the partner works; empty = the whole network.'),
  })
  .meta({ id: 'Partner' });
export type Partner = z.infer<typeof partner>;

export const partnerListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: partnerKind.optional(),
  centreId: uuid.optional().describe('Partners working in this centre (or network-wide).'),
});
export type PartnerListQuery = z.infer<typeof partnerListQuery>;
