import { z } from 'zod';

/** The zone of every SECCOIA centre: French Guiana, UTC-3 all year (no daylight saving). */
export const DEFAULT_TIME_ZONE = 'America/Cayenne';

/** True when the runtime's time-zone database knows `zone` as an IANA name. */
export function isIanaTimeZone(zone: string): boolean {
  if (!zone.includes('/') && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z.string().refine(isIanaTimeZone, {
  error: 'Fuseau horaire inconnu (nom IANA attendu, ex. America/Cayenne).',
});
