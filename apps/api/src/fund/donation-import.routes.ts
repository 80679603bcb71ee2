import { z } from '@hono/zod-openapi';
import {
  type DonorKind,
  type ImportProblem,
  type ImportResult,
  type ImportRow,
  importResult,
  parseDonationCsv,
} from '@lakou/domain/fund';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { defaultsOfNewRow } from '../config/row-custom.ts';
import { donationImports, donations, donors, subFunds } from '../db/schema/index.ts';
import { DENIED_RESPONSES, guardedRoute, requires } from '../http/policy.ts';
import { problemContent, problemResponse } from '../http/problem.ts';
import { contextRouter } from '../http/router.ts';
import { type MoneyGift, recordMoneyDonations } from './donations.write.ts';
import { donorSearchKey } from './donors.queries.ts';
import { fundToday, organisationId, type Tx } from './fund.queries.ts';

const TAGS = ['Fonds de dotation'];

/** A bank export is a few hundred lines; 2 MB leaves room for 5 000 long ones. */
const MAX_CSV_CHARS = 2_000_000;

export const importInput = z
  .object({
    csv: z
      .string({ error: 'Collez ou joignez le contenu du fichier CSV (texte).' })
      .min(1, { error: 'Le fichier CSV est vide.' })
      .max(MAX_CSV_CHARS, { error: 'Le fichier CSV dépasse 2 millions de caractères.' }),
    fileName: z
      .string()
      .trim()
      .max(200, { error: 'Le nom du fichier compte au plus 200 caractères.' })
      .nullable()
      .optional(),
    dryRun: z.boolean({
      error: 'Indiquez dryRun : true pour vérifier sans rien enregistrer, false pour importer.',
    }),
  })
  .meta({ id: 'DonationImportInput' });

const importRoute = guardedRoute({
  policy: requires('donation.write'),
  method: 'post',
  path: '/donations/import',
  tags: TAGS,
  summary:
    'Import money gifts from a bank export (CSV): every row checked; one bad row and nothing is written',
  request: { body: { required: true, content: { 'application/json': { schema: importInput } } } },
  responses: {
    200: {
      description: 'Dry run: what would be imported, and every problem; nothing written',
      content: { 'application/json': { schema: importResult } },
    },
    201: {
      description: 'Imported: every row written, with its ledger entry',
      content: { 'application/json': { schema: importResult } },
    },
    400: problemContent('Invalid input'),
    409: problemContent('Another import wrote one of the references meanwhile'),
    422: {
      description: 'At least one bad row: nothing written; every bad row with its line and reasons',
      content: { 'application/json': { schema: importResult } },
    },
    ...DENIED_RESPONSES,
  },
});

/** The advisory lock key that imports take in turn (any constant bigint, this one spells LAKOUIMP). */
const IMPORT_LOCK = 0x4c414b4f55494d50n.toString();

/** Names compared case- and accent-blind, spaces collapsed. */
const foldName = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

interface Plan {
  result: ImportResult;
  gifts: (Omit<MoneyGift, 'donorId' | 'importId'> & { donorKey: string })[];
  newDonors: Map<string, { name: string; email: string | null }>;
  donorIds: Map<string, string>;
}

/** Parses the file and adds what only the database knows: sub-funds, references, donors. */
async function plan(tx: Tx, org: string, csv: string, dryRun: boolean): Promise<Plan> {
  const funds = await tx
    .select({ id: subFunds.id, code: subFunds.code, kind: subFunds.kind })
    .from(subFunds)
    .where(eq(subFunds.organisationId, org))
    .orderBy(asc(subFunds.createdAt), asc(subFunds.code));
  const byCode = new Map(funds.map((f) => [f.code, f]));
  const fallback = funds.find((f) => f.kind === 'unrestricted');
  const parsed = parseDonationCsv(csv, {
    knownSubFunds: new Set(byCode.keys()),
    today: fundToday(),
  });

  const references = parsed.rows.flatMap((r) => (r.reference ? [r.reference] : []));
  const taken = new Set<string>();
  for (let i = 0; i < references.length; i += 500) {
    const found = await tx
      .select({ reference: donations.reference })
      .from(donations)
      .where(
        and(
          eq(donations.organisationId, org),
          eq(donations.kind, 'money'),
          inArray(donations.reference, references.slice(i, i + 500)),
        ),
      );
    for (const f of found) if (f.reference) taken.add(f.reference);
  }

  const known = await tx
    .select({ id: donors.id, kind: donors.kind, name: donors.name, email: donors.email })
    .from(donors)
    .where(and(eq(donors.organisationId, org), isNull(donors.erasedAt)))
    .orderBy(asc(donors.createdAt));
  const byEmail = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const d of known) {
    if (d.email && !byEmail.has(d.email.toLowerCase())) byEmail.set(d.email.toLowerCase(), d.id);
    if (!byName.has(foldName(d.name))) byName.set(foldName(d.name), d.id);
  }
  const existing = new Map(
    known.map((d) => [d.id, { kind: d.kind as DonorKind, name: d.name }] as const),
  );
  const newDonors = new Map<string, { name: string; email: string | null }>();

  const problems: ImportProblem[] = [...parsed.problems];
  const good: { row: ImportRow; subFundId: string; subFundCode: string }[] = [];
  for (const row of parsed.rows) {
    const reasons: string[] = [];
    const fund = row.subFundCode ? byCode.get(row.subFundCode) : fallback;
    if (!fund)
      reasons.push(
        'Aucun sous-fonds libre d’affectation n’existe : indiquez le sous-fonds (colonne « sous-fonds »).',
      );
    if (row.reference && taken.has(row.reference))
      reasons.push(`Référence « ${row.reference} » déjà importée.`);
    if (reasons.length > 0 || !fund) problems.push({ line: row.line, reasons });
    else good.push({ row, subFundId: fund.id, subFundCode: fund.code });
  }
  problems.sort((a, b) => a.line - b.line);

  const gifts: Plan['gifts'] = [];
  const preview: ImportResult['preview'] = [];
  for (const { row, subFundId, subFundCode } of good) {
    const nameKey = foldName(row.donorName);
    let key = (row.email && byEmail.get(row.email)) || byName.get(nameKey);
    if (!key) {
      key = `new:${newDonors.size}`;
      newDonors.set(key, { name: row.donorName, email: row.email });
      if (row.email) byEmail.set(row.email, key);
      byName.set(nameKey, key);
    }
    gifts.push({
      organisationId: org,
      donorKey: key,
      donor: existing.get(key) ?? { kind: 'individual', name: row.donorName },
      receivedOn: row.receivedOn,
      amountCents: row.amountCents,
      method: row.method,
      subFundId,
      reference: row.reference,
    });
    preview.push({
      line: row.line,
      receivedOn: row.receivedOn,
      amountCents: row.amountCents,
      donorName: row.donorName,
      method: row.method,
      subFundCode,
      reference: row.reference,
      donorExists: existing.has(key),
    });
  }
  return {
    result: {
      dryRun,
      imported: 0,
      valid: good.length,
      totalCents: good.reduce((sum, g) => sum + g.row.amountCents, 0),
      newDonors: newDonors.size,
      problems,
      preview,
    },
    gifts,
    newDonors,
    donorIds: new Map([...existing.keys()].map((id) => [id, id])),
  };
}

/** Whether PostgreSQL refused a row for the unique bank reference (an import at the same time). */
function isReferenceClash(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth += 1) {
    const { code, constraint_name, constraint } = e as Record<string, unknown>;
    if (code === '23505' && (constraint_name ?? constraint) === 'donations_reference_key')
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export const donationImportRoutes = contextRouter().openapi(importRoute, async (c) => {
  const input = c.req.valid('json');
  const userId = c.var.principal?.id ?? null;
  let outcome: ImportResult | null = null;
  try {
    await c.var.db.transaction(async (tx) => {
      const org = await organisationId(tx);
      if (!org) return;
      // Imports take turns (until commit): the second of two at once sees the first's references.
      if (!input.dryRun) await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
      const p = await plan(tx, org, input.csv, input.dryRun);
      outcome = p.result;
      if (input.dryRun || p.result.problems.length > 0) return;

      const [batch] = await tx
        .insert(donationImports)
        .values({
          organisationId: org,
          fileName: input.fileName ?? null,
          rows: p.gifts.length,
          totalCents: p.result.totalCents,
          createdBy: userId,
        })
        .returning({ id: donationImports.id });
      if (!batch) throw new Error('import not written');
      const created = p.newDonors.size
        ? await tx
            .insert(donors)
            .values(
              [...p.newDonors.values()].map((d) => ({
                organisationId: org,
                kind: 'individual',
                name: d.name,
                email: d.email,
                searchKey: donorSearchKey({ name: d.name, email: d.email, city: null }),
                notes: `Créé par l’import du fichier ${input.fileName ?? 'CSV'}.`,
                createdBy: userId,
              })),
            )
            .returning({ id: donors.id })
        : [];
      [...p.newDonors.keys()].forEach((key, i) => {
        const made = created[i];
        if (!made) throw new Error('donor not written');
        p.donorIds.set(key, made.id);
      });
      // A bank line carries no custom value: the network's donation fields get their defaults,
      // and a required one without default stays empty until someone fills it on the gift
      // (PATCH /api/donations/{id}); the import never fails on it.
      const custom = await defaultsOfNewRow(tx, 'donation', null);
      const ids = await recordMoneyDonations(
        tx,
        p.gifts.map(({ donorKey, ...g }) => ({
          ...g,
          donorId: p.donorIds.get(donorKey) ?? null,
          importId: batch.id,
          createdBy: userId,
          custom,
        })),
      );
      outcome = { ...p.result, imported: ids.length };
      await recordAudit(tx, c, {
        action: 'fund.donation.import',
        entity: 'donation_import',
        entityId: batch.id,
        after: {
          fileName: input.fileName ?? null,
          imported: ids.length,
          totalCents: p.result.totalCents,
          // The gifts carry the import's id; the new donors are listed (ids only).
          newDonors: created.map((d) => d.id),
        },
      });
    });
  } catch (error) {
    if (!isReferenceClash(error)) throw error;
    return problemResponse(
      c,
      409,
      'Une autre importation vient d’enregistrer une de ces références : relancez la vérification.',
      { code: 'REFERENCE_TAKEN' },
    ) as never;
  }
  const result = outcome as ImportResult | null;
  if (!result)
    return problemResponse(
      c,
      422,
      'Le réseau n’est pas encore configuré : aucune organisation.',
    ) as never;
  if (input.dryRun) return c.json(result, 200);
  if (result.problems.length > 0) return c.json(result, 422);
  return c.json(result, 201);
});
