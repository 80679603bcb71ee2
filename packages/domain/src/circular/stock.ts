/**
 * The stock of a stream at a centre is what came in (inflows) minus what left it: items passed
 * on (re-use), shipments (outflows) and bio-waste put in a garden's compost. It can never be
 * negative: nothing leaves that is not there.
 */
export type StockMove = { direction: 'in'; grams: number } | { direction: 'out'; grams: number };

export interface StockRefusal {
  code: 'INSUFFICIENT_STOCK';
  message: string;
  stockGrams: number;
}

/** Whether `grams` may leave a stock of `stockGrams`: null if so, else why not (in French). */
export function outflowVerdict(stockGrams: number, grams: number): StockRefusal | null {
  if (grams <= stockGrams) return null;
  return {
    code: 'INSUFFICIENT_STOCK',
    message: `Stock insuffisant : ${formatKilograms(stockGrams)} en stock, ${formatKilograms(grams)} demandés.`,
    stockGrams,
  };
}

/** A stock after a move, or the refusal; inflows always fit. */
export function applyMove(
  stockGrams: number,
  move: StockMove,
): { ok: true; stockGrams: number } | { ok: false; refusal: StockRefusal } {
  if (move.direction === 'in') return { ok: true, stockGrams: stockGrams + move.grams };
  const refusal = outflowVerdict(stockGrams, move.grams);
  return refusal ? { ok: false, refusal } : { ok: true, stockGrams: stockGrams - move.grams };
}

/**
 * Whether removing a recorded inflow of `grams` (a correction) keeps the stock non-negative:
 * an inflow already shipped on cannot be taken back.
 */
export function inflowRemovalVerdict(stockGrams: number, grams: number): StockRefusal | null {
  if (grams <= stockGrams) return null;
  return {
    code: 'INSUFFICIENT_STOCK',
    message: `Cette entrée a déjà été en partie sortie du stock (${formatKilograms(stockGrams)} restants) : supprimez d’abord les sorties.`,
    stockGrams,
  };
}

const kgFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });

/** « 12,5 kg » for people; masses are stored in grams. */
export function formatKilograms(grams: number): string {
  return `${kgFormat.format(grams / 1000)} kg`;
}

const tonnesFormat = new Intl.NumberFormat('fr-FR', {
  minimumFractionDigits: 3,
  maximumFractionDigits: 3,
  useGrouping: false,
});

/**
 * « 1,234 » tonnes with three decimals, as the register is kept. One formatter for every call:
 * `toLocaleString` builds a new one each time (60 µs, most of a register line's cost).
 */
export function formatTonnes(grams: number): string {
  return tonnesFormat.format(grams / 1_000_000);
}

/**
 * Reads kilograms typed at the scale (« 12,5 », « 12.5 », « 1 204,25 ») into integer grams;
 * null when it is not a positive number with at most three decimals.
 */
export function parseKilograms(input: string): number | null {
  const cleaned = input.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,3})?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  const value = Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
  return value > 0 && Number.isSafeInteger(value) ? value : null;
}
