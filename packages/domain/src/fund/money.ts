import { toCardinal } from 'n2words/fr-FR';
import { z } from 'zod';

/** Euro cents, as everywhere in Lakou: integers only, never floats. */
export const MAX_CENTS = 100_000_000_00; // 100 million euros: far beyond any gift to the fund.

export const positiveCents = z
  .number({ error: 'Montant attendu en centimes.' })
  .int({ error: 'Le montant est un nombre entier de centimes.' })
  .min(1, { error: 'Le montant doit être positif.' })
  .max(MAX_CENTS, { error: 'Montant trop élevé.' });

/**
 * Splits `total` cents between `weights` without losing a cent: each share is rounded down and
 * the cents left over go to the largest remainders (ties to the first). Shares sum to `total`.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total)) throw new RangeError('allocate: total must be whole cents');
  if (weights.length === 0) throw new RangeError('allocate: at least one weight');
  if (weights.some((w) => !Number.isFinite(w) || w < 0))
    throw new RangeError('allocate: weights must be finite and non-negative');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new RangeError('allocate: weights must not all be zero');
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const exact = weights.map((w) => (abs * w) / sum);
  const shares = exact.map(Math.floor);
  let left = abs - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares.map((s) => s * sign);
}

/**
 * Reads an amount in euros as people type it or as French bank exports write it — « 1 234,50 »,
 * « 1234.5 », « 12 € » — into cents. Returns null for anything else (no silent rounding: at most
 * two decimals).
 */
export function parseEuros(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/€$/, '')
    .replace(/^€/, '');
  const m = /^(-?)(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!m) return null;
  const euros = Number(m[2]);
  const cents = Number((m[3] ?? '').padEnd(2, '0'));
  const value = euros * 100 + cents;
  return m[1] === '-' ? -value : value;
}

/**
 * An amount in French words as a tax receipt writes it: « mille deux cent trente-quatre euros et
 * cinquante centimes », « un million d’euros ». The numbers come from n2words; the currency
 * grammar (singular, « d’euros » after millions) is ours.
 */
export function euroAmountInWords(cents: number): string {
  if (!Number.isInteger(cents) || cents < 0) throw new RangeError('euroAmountInWords: cents ≥ 0');
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  const parts: string[] = [];
  if (euros > 0 || rest === 0) {
    const words = toCardinal(euros);
    const unit = euros <= 1 ? 'euro' : 'euros';
    // « un million d’euros », « deux milliards d’euros »: a noun of quantity takes « de ».
    const ofEuros = euros >= 1_000_000 && euros % 1_000_000 === 0;
    parts.push(ofEuros ? `${words} d’${unit}` : `${words} ${unit}`);
  }
  if (rest > 0) parts.push(`${toCardinal(rest)} ${rest === 1 ? 'centime' : 'centimes'}`);
  return parts.join(' et ');
}
