import {
  parseKilograms,
  type Stream,
  type StreamStock,
  type Treatment,
} from '@lakou/domain/circular';

/*
 * Pure helpers of the circular-economy screens: masses in kilograms and tonnes for the locale,
 * rates as percentages, the stock board grouped by centre, the stream last weighed at the scale
 * (kept in the browser), the operation codes a treatment allows. No React: unit-tested in Node.
 */

/** Grams as kilograms for reading: « 12,5 kg », « 1 250 kg ». */
export function formatKg(grams: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(grams / 1000)} kg`;
}

/** Grams as tonnes with three decimals: « 1,234 t ». */
export function formatT(grams: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, {
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
  }).format(grams / 1_000_000)} t`;
}

/** A stock on the board: kilograms below a tonne, tonnes from a tonne up. */
export function formatMass(grams: number, locale: string): string {
  return Math.abs(grams) >= 1_000_000 ? formatT(grams, locale) : formatKg(grams, locale);
}

/** A rate in [0, 1] as a percentage with one decimal (« 72,4 % »); null (nothing treated) as « — ». */
export function formatRate(rate: number | null, locale: string): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(rate);
}

/**
 * A mass typed at the scale in kilograms (« 12,5 », « 1 204,25 kg », « 0.5 ») as integer grams,
 * or null: the domain's `parseKilograms`, with a trailing « kg » allowed.
 */
export function typedKilograms(text: string): number | null {
  return parseKilograms(text.trim().replace(/\s*kg$/i, ''));
}

/** One centre's block of the stock board. */
export interface CentreStock {
  centreId: string;
  centreName: string;
  totalGrams: number;
  items: (StreamStock & { hazardous: boolean; sortOrder: number })[];
}

/**
 * The stock items grouped by centre (centres by name), each centre's streams in the streams'
 * order (sortOrder, then name), with whether the stream is hazardous.
 */
export function stockByCentre(
  items: readonly StreamStock[],
  streams: readonly Pick<Stream, 'id' | 'hazardous' | 'sortOrder'>[],
): CentreStock[] {
  const streamById = new Map(streams.map((s) => [s.id, s]));
  const centres = new Map<string, CentreStock>();
  for (const item of items) {
    const stream = streamById.get(item.streamId);
    let centre = centres.get(item.centreId);
    if (!centre) {
      centre = { centreId: item.centreId, centreName: item.centreName, totalGrams: 0, items: [] };
      centres.set(item.centreId, centre);
    }
    centre.totalGrams += item.stockGrams;
    centre.items.push({
      ...item,
      hazardous: stream?.hazardous ?? false,
      sortOrder: stream?.sortOrder ?? 999,
    });
  }
  const list = [...centres.values()].sort((a, b) => a.centreName.localeCompare(b.centreName, 'fr'));
  for (const centre of list) {
    centre.items.sort(
      (a, b) => a.sortOrder - b.sortOrder || a.streamName.localeCompare(b.streamName, 'fr'),
    );
  }
  return list;
}

/** A recovery or disposal operation as GET /treatment-operations lists it. */
export interface TreatmentOperationView {
  code: string;
  kind: 'recovery' | 'disposal';
  description: string;
  treatments: Treatment[];
  intermediate: boolean;
}

/** The operations a treatment allows (none for re-use), in the list's order. */
export function operationsFor(
  operations: readonly TreatmentOperationView[],
  treatment: Treatment,
): TreatmentOperationView[] {
  if (treatment === 'reuse') return [];
  return operations.filter((o) => o.treatments.includes(treatment));
}

/** The operation the form keeps when the treatment changes: the same code if still allowed. */
export function keptOperation(
  operations: readonly TreatmentOperationView[],
  treatment: Treatment,
  code: string | null,
): string | null {
  const allowed = operationsFor(operations, treatment);
  if (code && allowed.some((o) => o.code === code)) return code;
  return allowed.length === 1 ? (allowed[0]?.code ?? null) : null;
}

/** The part of browser storage the stream memory needs (window.localStorage in the hub). */
export type StreamStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const LAST_STREAM_KEY = 'lakou.circular.lastStream';

/** Remembers the stream just weighed at a centre; storage may be refused (private mode). */
export function rememberStream(storage: StreamStorage | null, centreId: string, streamId: string) {
  if (!storage) return;
  try {
    const current = readMemory(storage);
    current[centreId] = streamId;
    storage.setItem(LAST_STREAM_KEY, JSON.stringify(current));
  } catch {
    // Nothing to do: the next entry starts without a stream.
  }
}

/** The stream last weighed at that centre, if it is still one of `available`; else null. */
export function recallStream(
  storage: StreamStorage | null,
  centreId: string,
  available: readonly { id: string }[],
): string | null {
  if (!storage) return null;
  try {
    const id = readMemory(storage)[centreId];
    return id && available.some((s) => s.id === id) ? id : null;
  } catch {
    return null;
  }
}

function readMemory(storage: StreamStorage): Record<string, string> {
  const raw = storage.getItem(LAST_STREAM_KEY);
  if (!raw) return {};
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed))
    if (typeof value === 'string') out[key] = value;
  return out;
}

/** The browser's storage, or null where it is refused. */
export function browserStorage(): StreamStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The centre the entry screen starts on: the first centre of the user's roles where they may
 * write, else the only one they may write in, else none.
 */
export function defaultEntryCentre(
  roles: readonly { centreId: string | null }[] | undefined,
  writable: readonly { id: string }[],
): string | null {
  const own = roles?.find((r) => r.centreId && writable.some((c) => c.id === r.centreId));
  if (own?.centreId) return own.centreId;
  return writable.length === 1 ? (writable[0]?.id ?? null) : null;
}

/** A day in short: « 20 nov. 2026 » (a calendar date, read in no time zone). */
export function formatDay(date: string, locale: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)));
}

/** January 1st of the year of `today` (AAAA-MM-JJ): the board's indicators run from it. */
export function yearStart(today: string): string {
  return `${today.slice(0, 4)}-01-01`;
}

/** Whether a period is backwards (both ends given, the end before the start). */
export function isInverted(from: string | undefined, to: string | undefined): boolean {
  return Boolean(from && to && to < from);
}

/** The download address of the waste register for a period and, optionally, a centre. */
export function registerUrl(
  format: 'csv' | 'xlsx',
  query: { from: string; to: string; centreId?: string | null | undefined },
): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.centreId) params.set('centreId', query.centreId);
  return `/api/waste-register.${format}?${params.toString()}`;
}

/** A European waste code with its hazard star, as the list prints it: « 20 01 33* ». */
export function wasteCodeLabel(code: string | null, hazardous: boolean): string {
  if (!code) return '';
  return hazardous ? `${code}*` : code;
}
