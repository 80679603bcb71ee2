/**
 * A French establishment number (SIRET): 14 digits, not all zeros, whose Luhn checksum is right.
 * Used for donors that are companies and for the facilities that treat the centres' waste.
 */
export function isSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value) || /^0+$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(value[13 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Spaces people type in a SIRET (« 123 456 789 00012 ») are not part of it. */
export function normaliseSiret(value: string): string {
  return value.replace(/[\s.]/g, '');
}
