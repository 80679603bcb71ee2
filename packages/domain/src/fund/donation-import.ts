import Papa from 'papaparse';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { type PaymentMethod, paymentMethods } from './donation.ts';
import { parseEuros } from './money.ts';

/**
 * Import of a bank export of gifts (CSV, « ; » or « , »). Columns, in any order, named in French
 * as banks and spreadsheets write them (case and accents ignored):
 *   date · montant · donateur (or nom) · email · moyen · sous-fonds · référence
 * `date`, `montant` and `donateur` are required. Every row is checked; a file with one bad row
 * is refused whole, with every bad row and its reasons.
 */
export const IMPORT_MAX_ROWS = 5000;

export interface ImportRow {
  line: number;
  receivedOn: string;
  amountCents: number;
  donorName: string;
  email: string | null;
  method: PaymentMethod;
  subFundCode: string | null;
  reference: string | null;
}

export interface ImportProblem {
  line: number;
  reasons: string[];
}

export interface ImportParse {
  rows: ImportRow[];
  problems: ImportProblem[];
}

const COLUMN_ALIASES: Record<keyof Omit<ImportRow, 'line'>, string[]> = {
  receivedOn: ['date', 'date operation', 'date de valeur', 'date du don'],
  amountCents: ['montant', 'credit', 'montant (eur)', 'montant eur'],
  donorName: ['donateur', 'nom', 'libelle', 'emetteur'],
  email: ['email', 'e-mail', 'courriel'],
  method: ['moyen', 'moyen de paiement', 'mode', 'mode de paiement'],
  subFundCode: ['sous-fonds', 'sous fonds', 'fonds'],
  reference: ['reference', 'ref', 'reference bancaire', 'numero'],
};

const METHOD_WORDS: Record<string, PaymentMethod> = {
  virement: 'transfer',
  vir: 'transfer',
  transfer: 'transfer',
  cheque: 'cheque',
  chq: 'cheque',
  especes: 'cash',
  cash: 'cash',
  carte: 'card',
  cb: 'card',
  'carte bancaire': 'card',
  card: 'card',
};

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();

const emailSchema = z.email();

/** JJ/MM/AAAA (bank style) or AAAA-MM-JJ, as a real calendar date; null otherwise. */
export function parseImportDate(text: string): string | null {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (fr) [d, m, y] = [Number(fr[1]), Number(fr[2]), Number(fr[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  try {
    return Temporal.PlainDate.from(
      { year: y, month: m, day: d },
      { overflow: 'reject' },
    ).toString();
  } catch {
    return null;
  }
}

/** The separator of the header line: the most frequent of « ; », « , » and tab. */
function headerDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (d: string) => header.split(d).length - 1;
  return [';', ',', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ';');
}

/**
 * Reads and checks every row. `knownSubFunds` are the codes that exist; `today` (the fund's
 * calendar) bounds dates: a gift is not received in the future, nor before 2000.
 */
export function parseDonationCsv(
  text: string,
  options: { knownSubFunds: ReadonlySet<string>; today: string },
): ImportParse {
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, {
    delimiter: headerDelimiter(body),
    skipEmptyLines: false,
  });
  const lines = parsed.data;
  const header = (lines[0] ?? []).map(fold);
  const problems: ImportProblem[] = [];
  const column = {} as Record<keyof typeof COLUMN_ALIASES, number>;
  for (const [key, aliases] of Object.entries(COLUMN_ALIASES) as [
    keyof typeof COLUMN_ALIASES,
    string[],
  ][]) {
    column[key] = header.findIndex((h) => aliases.includes(h));
  }
  const missing = (['receivedOn', 'amountCents', 'donorName'] as const).filter(
    (k) => column[k] < 0,
  );
  if (missing.length > 0) {
    const names = { receivedOn: 'date', amountCents: 'montant', donorName: 'donateur' };
    problems.push({
      line: 1,
      reasons: [
        `En-tête incomplet : colonne${missing.length > 1 ? 's' : ''} ${missing
          .map((k) => `« ${names[k]} »`)
          .join(', ')} introuvable${missing.length > 1 ? 's' : ''}.`,
      ],
    });
    return { rows: [], problems };
  }
  const cell = (row: string[], key: keyof typeof COLUMN_ALIASES) =>
    column[key] >= 0 ? (row[column[key]] ?? '').trim() : '';

  const rows: ImportRow[] = [];
  const seenReferences = new Map<string, number>();
  let dataRows = 0;
  for (let i = 1; i < lines.length; i++) {
    const row = lines[i] ?? [];
    if (row.every((c) => c.trim() === '')) continue;
    const line = i + 1;
    dataRows++;
    const reasons: string[] = [];
    const rawDate = cell(row, 'receivedOn');
    const receivedOn = parseImportDate(rawDate);
    if (!rawDate) reasons.push('Date manquante.');
    else if (!receivedOn) reasons.push(`Date illisible « ${rawDate} » (JJ/MM/AAAA attendu).`);
    else if (receivedOn > options.today) reasons.push(`Date dans le futur (${rawDate}).`);
    else if (receivedOn < '2000-01-01') reasons.push(`Date trop ancienne (${rawDate}).`);

    const rawAmount = cell(row, 'amountCents');
    const amountCents = parseEuros(rawAmount);
    if (!rawAmount) reasons.push('Montant manquant.');
    else if (amountCents === null) reasons.push(`Montant illisible « ${rawAmount} ».`);
    else if (amountCents <= 0)
      reasons.push(`Montant « ${rawAmount} » : seuls les crédits (dons reçus) sont importés.`);
    else if (amountCents > 100_000_000_00) reasons.push(`Montant « ${rawAmount} » trop élevé.`);

    const donorName = cell(row, 'donorName');
    if (donorName.length < 2) reasons.push('Nom du donateur manquant.');
    else if (donorName.length > 160)
      reasons.push('Nom du donateur trop long (160 caractères au plus).');

    const rawEmail = cell(row, 'email');
    if (rawEmail && !emailSchema.safeParse(rawEmail).success)
      reasons.push(`Adresse e-mail invalide « ${rawEmail} ».`);

    const rawMethod = cell(row, 'method');
    const method = rawMethod ? METHOD_WORDS[fold(rawMethod)] : 'transfer';
    if (!method)
      reasons.push(
        `Moyen de paiement inconnu « ${rawMethod} » (virement, chèque, espèces, carte).`,
      );

    const subFundCode = cell(row, 'subFundCode').toUpperCase() || null;
    if (subFundCode && !options.knownSubFunds.has(subFundCode))
      reasons.push(`Sous-fonds inconnu « ${subFundCode} ».`);

    const reference = cell(row, 'reference') || null;
    if (reference && reference.length > 80) reasons.push('Référence trop longue (80 caractères).');
    if (reference) {
      const first = seenReferences.get(reference);
      if (first !== undefined)
        reasons.push(`Référence « ${reference} » déjà présente ligne ${first}.`);
      else seenReferences.set(reference, line);
    }

    if (reasons.length > 0) problems.push({ line, reasons });
    else
      rows.push({
        line,
        receivedOn: receivedOn as string,
        amountCents: amountCents as number,
        donorName,
        email: rawEmail ? rawEmail.toLowerCase() : null,
        method: method as PaymentMethod,
        subFundCode,
        reference,
      });
  }
  if (dataRows === 0)
    problems.push({ line: 1, reasons: ['Le fichier ne contient aucune ligne de don.'] });
  if (dataRows > IMPORT_MAX_ROWS)
    problems.push({
      line: 1,
      reasons: [`Trop de lignes : ${dataRows} (au plus ${IMPORT_MAX_ROWS} par import).`],
    });
  return { rows, problems };
}

export const importResult = z
  .object({
    dryRun: z.boolean(),
    imported: z.number().int().describe('Donations written (0 on a dry run or a refusal).'),
    valid: z.number().int().describe('Rows that passed every check.'),
    totalCents: z.number().int(),
    newDonors: z
      .number()
      .int()
      .describe('Donors that the import creates (matched by e-mail, then name).'),
    problems: z.array(z.object({ line: z.number().int(), reasons: z.array(z.string()) })),
    preview: z
      .array(
        z.object({
          line: z.number().int(),
          receivedOn: z.string(),
          amountCents: z.number().int(),
          donorName: z.string(),
          method: z.enum(paymentMethods),
          subFundCode: z.string(),
          reference: z.string().nullable(),
          donorExists: z.boolean(),
        }),
      )
      .describe('The valid rows, as they would be imported.'),
  })
  .meta({ id: 'DonationImportResult' });
export type ImportResult = z.infer<typeof importResult>;
