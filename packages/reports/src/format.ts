/**
 * French formatting of the two integer units Lakou stores: euro cents and grams. Reports,
 * exports and the hub show figures through these so a total reads the same everywhere.
 */

const euro = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** 123456 → « 1 234,56 € » (integer cents in, never a float in between). */
export function formatEuros(cents: number): string {
  if (!Number.isSafeInteger(cents))
    throw new RangeError(`montant en centimes entier attendu : ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.trunc(abs / 100);
  const rest = abs % 100;
  // Format the euros as an integer and splice the cents in, so no binary fraction ever rounds.
  const whole = euro.formatToParts(euros);
  return `${sign}${whole
    .map((part) => (part.type === 'fraction' ? String(rest).padStart(2, '0') : part.value))
    .join('')}`;
}

export type MassUnit = 'g' | 'kg' | 't';

/** The unit a mass reads best in: grams under a kilogram, tonnes from a tonne up. */
export function massUnitFor(grams: number): MassUnit {
  const abs = Math.abs(grams);
  if (abs >= 1_000_000) return 't';
  if (abs >= 1_000) return 'kg';
  return 'g';
}

/** 1234567 g → « 1,235 t »; 2500 g → « 2,5 kg ». Tonnes keep 3 decimals, as waste registers do. */
export function formatMass(grams: number, unit: MassUnit = massUnitFor(grams)): string {
  if (!Number.isSafeInteger(grams))
    throw new RangeError(`masse en grammes entière attendue : ${grams}`);
  const divisor = unit === 't' ? 1_000_000 : unit === 'kg' ? 1_000 : 1;
  const digits = unit === 't' ? 3 : unit === 'kg' ? 1 : 0;
  const value = new Intl.NumberFormat('fr-FR', {
    minimumFractionDigits: unit === 't' ? 3 : 0,
    maximumFractionDigits: digits,
  }).format(grams / divisor);
  return `${value}\u00a0${unit}`;
}
