import { z } from '@hono/zod-openapi';
import { fundIdentity } from '@lakou/domain/fund';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { fundSettings } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { organisationId } from './fund.queries.ts';
import { readFundIdentity } from './receipts.write.ts';

const TAGS = ['Fund'];

const field = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} est attendu.` })
    .trim()
    .min(min, { error: `${label} compte au moins ${min} caractères.` })
    .max(max, { error: `${label} compte au plus ${max} caractères.` });

/** The beneficiary block of the receipts, as the treasurer fills it in. */
const fundIdentityInput = z.object({
  name: field('Le nom du fonds', 3, 160),
  addressLine: field('L’adresse', 3, 200),
  postcode: z
    .string({ error: 'Le code postal est attendu.' })
    .trim()
    .regex(/^\d{5}$/, { error: 'Le code postal compte 5 chiffres.' }),
  city: field('La commune', 2, 100),
  object: field('L’objet du fonds', 10, 600),
  status: field('Le statut', 5, 200),
  signerName: field('Le nom du signataire', 2, 120),
  signerRole: field('La qualité du signataire', 2, 120),
});

const getRoute = guardedRoute({
  policy: requires('fund.read'),
  method: 'get',
  path: '/fund/identity',
  tags: TAGS,
  summary: 'The fund’s identity printed on every receipt (name, address, object, status, signer)',
  responses: {
    200: { description: 'The identity', content: { 'application/json': { schema: fundIdentity } } },
    404: problemContent('Not filled in yet'),
    ...DENIED_RESPONSES,
  },
});

const putRoute = guardedRoute({
  policy: requires('fund.write'),
  method: 'put',
  path: '/fund/identity',
  tags: TAGS,
  summary:
    'Set the fund’s identity: printed on receipts issued from now on (issued ones keep their copy)',
  request: {
    body: { required: true, content: { 'application/json': { schema: fundIdentityInput } } },
  },
  responses: {
    200: { description: 'Saved', content: { 'application/json': { schema: fundIdentity } } },
    400: problemContent('Invalid input'),
    404: problemContent('No organisation yet'),
    ...DENIED_RESPONSES,
  },
});

const NOT_SET = 'L’identité du fonds n’est pas encore renseignée.';

export const fundIdentityRoutes = contextRouter()
  .openapi(getRoute, async (c) => {
    const org = await organisationId(c.var.db);
    const identity = org ? await readFundIdentity(c.var.db, org) : undefined;
    if (!identity) return problemResponse(c, 404, NOT_SET) as never;
    return c.json(identity, 200);
  })
  .openapi(putRoute, async (c) => {
    const input = c.req.valid('json');
    const org = await organisationId(c.var.db);
    if (!org)
      return problemResponse(c, 404, 'Aucune organisation n’est encore enregistrée.') as never;
    const saved = await c.var.db.transaction(async (tx) => {
      const before = await readFundIdentity(tx, org);
      await tx
        .insert(fundSettings)
        .values({ organisationId: org, ...input })
        .onConflictDoUpdate({
          target: fundSettings.organisationId,
          set: { ...input, updatedAt: sql`now()` },
        });
      const after = (await readFundIdentity(tx, org)) ?? input;
      await recordAudit(tx, c, {
        action: 'fund.identity.update',
        entity: 'fund_settings',
        entityId: org,
        before: before ?? null,
        after,
      });
      return after;
    });
    return c.json(saved, 200);
  });
