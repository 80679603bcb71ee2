import type { DonorKind, FundIdentity, ReceiptKind } from '@lakou/domain/fund';
import { euroAmountInWords } from '@lakou/domain/fund';

/** One gift as printed on a receipt, with its labels as they read on the day of issue. */
export interface SnapshotGift {
  donationId: string;
  kind: 'money' | 'in_kind';
  receivedOn: string;
  amountCents: number;
  /** Money: the payment method and its label. */
  method: string | null;
  methodLabel: string | null;
  /** In kind: what was given, how much, and how it was valued. */
  description: string | null;
  categoryLabel: string | null;
  quantity: number | null;
  unitLabel: string | null;
  conditionLabel: string | null;
  valuationLabel: string | null;
}

/**
 * Everything a receipt prints, frozen at issue (receipts.snapshot): later edits of the donor or the
 * fund, or the donor's erasure, never change an issued receipt.
 */
export interface ReceiptSnapshot {
  number: string;
  kind: ReceiptKind;
  issuedOn: string;
  /** Annual summary: the calendar year of the gifts. */
  period: number | null;
  legalArticle: string;
  fund: FundIdentity;
  donor: {
    kind: DonorKind;
    name: string;
    addressLine: string;
    postcode: string;
    city: string;
    country: string | null;
    siret: string | null;
  };
  gifts: SnapshotGift[];
  totalCents: number;
  moneyCents: number;
  inKindCents: number;
  /** The cancelled receipt this one replaces. */
  replaces: { id: string; number: string } | null;
}

/** What the PDF adds from the receipt row: its cancellation, written after issue. */
export interface ReceiptState {
  status: 'issued' | 'cancelled';
  cancelledAt: Date | null;
  cancelReason: string | null;
}

const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** « 1 234,50 € », French style (no-break spaces). */
export function formatEuros(cents: number): string {
  return euroFormat.format(cents / 100);
}

/** « 15 mars 2026 » for AAAA-MM-JJ. */
export function formatDay(day: string): string {
  return dateFormat.format(new Date(`${day}T00:00:00Z`));
}

/**
 * The standard PDF fonts only know the WinAnsi characters: the narrow no-break space of French
 * number formatting becomes a no-break space, and anything else they cannot draw a « ? ».
 */
const WIN_ANSI_EXTRA = new Set(
  '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.split('').map((ch) => ch.codePointAt(0) as number),
);
function printable(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\u202f\u2009]/g, '\u00a0')) {
    const code = ch.codePointAt(0) as number;
    const ok = code === 10 || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff);
    out += ok || WIN_ANSI_EXTRA.has(code) ? ch : '?';
  }
  return out;
}

const NATURE_LABELS = {
  money: 'numéraire',
  in_kind: 'don en nature',
  both: 'numéraire et don en nature',
} as const;

function giftLine(gift: SnapshotGift): string {
  const day = formatDay(gift.receivedOn);
  if (gift.kind === 'money') {
    return `${day} — numéraire — ${gift.methodLabel ?? 'mode non précisé'} — ${formatEuros(gift.amountCents)}`;
  }
  const what = [gift.categoryLabel, gift.conditionLabel].filter(Boolean).join(', ');
  return (
    `${day} — don en nature : ${gift.description ?? ''}` +
    `${what ? ` (${what})` : ''} — quantité : ${gift.quantity ?? ''} ${gift.unitLabel ?? ''}`.trimEnd() +
    ` — valorisé ${formatEuros(gift.amountCents)}` +
    `${gift.valuationLabel ? ` (méthode : ${gift.valuationLabel})` : ''}`
  );
}

/** Prints a receipt from its snapshot: the fields of form CERFA 11580, in French. */
export async function renderReceiptPdf(
  snapshot: ReceiptSnapshot,
  state: ReceiptState,
): Promise<Buffer> {
  // pdfkit loads when a receipt is printed, not when the server starts (~0.3 s of start-up).
  const { default: PDFDocument } = await import('pdfkit');
  const s = snapshot;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang: 'fr-FR',
    bufferPages: true,
    info: {
      Title: `Reçu fiscal n° ${s.number}`,
      Author: s.fund.name,
      Subject: 'Reçu au titre des dons à certains organismes d’intérêt général',
    },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 100;
  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.text(printable(value), { width, ...options });
  const heading = (value: string) => {
    doc.moveDown(0.8);
    doc.font('Helvetica-Bold').fontSize(11).fillColor('#1f3a5f');
    text(value.toUpperCase());
    doc.fillColor('black').font('Helvetica').fontSize(10);
    doc.moveDown(0.2);
  };

  doc.font('Helvetica').fontSize(9).fillColor('#444444');
  text(`Reçu n° ${s.number}`, { align: 'right' });
  text(`Selon les rubriques du formulaire CERFA n° 11580`, { align: 'right' });
  doc.moveDown(0.6).fillColor('black').font('Helvetica-Bold').fontSize(15);
  text('Reçu au titre des dons à certains organismes d’intérêt général', { align: 'center' });
  doc.font('Helvetica').fontSize(10);
  text(
    s.kind === 'annual' ? `Récapitulatif annuel des dons reçus en ${s.period}` : 'Reçu d’un don',
    {
      align: 'center',
    },
  );

  heading('Bénéficiaire des versements');
  doc.font('Helvetica-Bold');
  text(s.fund.name);
  doc.font('Helvetica');
  text(s.fund.addressLine);
  text(`${s.fund.postcode} ${s.fund.city}`);
  text(`Objet : ${s.fund.object}`);
  text(`Statut : ${s.fund.status}`);

  heading('Donateur');
  doc.font('Helvetica-Bold');
  text(s.donor.name);
  doc.font('Helvetica');
  text(s.donor.addressLine);
  text(`${s.donor.postcode} ${s.donor.city}${s.donor.country ? `, ${s.donor.country}` : ''}`);
  if (s.donor.siret) text(`SIRET : ${s.donor.siret}`);

  heading(s.gifts.length > 1 ? 'Dons' : 'Don');
  text(
    'Le bénéficiaire reconnaît avoir reçu au titre des dons et versements ouvrant droit à réduction d’impôt la somme de :',
  );
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(13);
  text(formatEuros(s.totalCents));
  doc.font('Helvetica').fontSize(10);
  text('Somme en toutes lettres :');
  doc.font('Helvetica-Bold');
  text(euroAmountInWords(s.totalCents));
  doc.font('Helvetica').moveDown(0.3);
  const first = s.gifts[0];
  if (s.kind === 'single' && first) {
    text(`Date du don : ${formatDay(first.receivedOn)}`);
  } else if (first) {
    const last = s.gifts[s.gifts.length - 1] ?? first;
    text(`Dons reçus du ${formatDay(first.receivedOn)} au ${formatDay(last.receivedOn)}`);
  }
  text('Forme du don : déclaration de don manuel');
  const nature =
    s.moneyCents > 0 && s.inKindCents > 0 ? 'both' : s.moneyCents > 0 ? 'money' : 'in_kind';
  text(`Nature du don : ${NATURE_LABELS[nature]}`);
  const methods = [...new Set(s.gifts.map((g) => g.methodLabel).filter(Boolean))];
  if (methods.length) text(`Mode de versement : ${methods.join(', ')}`);
  if (s.moneyCents > 0 && s.inKindCents > 0) {
    text(
      `Dont numéraire : ${formatEuros(s.moneyCents)} ; dont dons en nature : ${formatEuros(s.inKindCents)}`,
    );
  }
  doc.moveDown(0.4);
  doc.font('Helvetica-Bold');
  text(s.gifts.length > 1 ? 'Détail des dons' : 'Détail du don');
  doc.font('Helvetica');
  for (const gift of s.gifts) text(`• ${giftLine(gift)}`, { indent: 8 });

  heading('Mentions légales');
  text(
    `Le bénéficiaire certifie sur l’honneur que les dons et versements qu’il reçoit ouvrent droit à la réduction d’impôt prévue à l’${s.legalArticle}.`,
  );
  if (s.inKindCents > 0) {
    text(
      'Les dons en nature sont retenus pour la valeur indiquée ci-dessus, selon la méthode de valorisation mentionnée.',
    );
  }
  if (s.replaces) text(`Ce reçu remplace le reçu n° ${s.replaces.number}, annulé.`);

  doc.moveDown(1);
  text(`Fait à ${s.fund.city}, le ${formatDay(s.issuedOn)}`);
  doc.moveDown(0.4).font('Helvetica-Bold');
  text(s.fund.signerName);
  doc.font('Helvetica');
  text(s.fund.signerRole);

  if (state.status === 'cancelled') {
    doc.moveDown(1).font('Helvetica-Bold').fillColor('#b00020');
    const on = state.cancelledAt
      ? formatDay(state.cancelledAt.toISOString().slice(0, 10))
      : 'une date inconnue';
    text(`Reçu annulé le ${on}. Motif : ${state.cancelReason ?? 'non précisé'}`);
    doc.fillColor('black');
  }

  // Every page: the number in the footer and, once cancelled, the stamp across it, so that no
  // page of a cancelled receipt can pass for a valid one.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const page = doc.page;
    const bottom = page.margins.bottom;
    page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#444444');
    doc.text(
      printable(`Reçu n° ${s.number} — page ${i + 1} sur ${range.count}`),
      50,
      page.height - 35,
      {
        width: page.width - 100,
        align: 'center',
        lineBreak: false,
      },
    );
    if (state.status === 'cancelled') {
      doc.save();
      doc.rotate(-30, { origin: [page.width / 2, page.height / 2] });
      doc.font('Helvetica-Bold').fontSize(96).fillColor('#b00020', 0.35);
      doc.text(printable('ANNULÉ'), 0, page.height / 2 - 48, {
        width: page.width,
        align: 'center',
        lineBreak: false,
      });
      doc.restore();
    }
    page.margins.bottom = bottom;
  }

  doc.end();
  return done;
}
