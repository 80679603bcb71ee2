import type { Action } from '@lakou/domain/identity';
import { formatEuros, formatMass } from '@lakou/reports/format';
import {
  type Drill,
  type Granularity,
  type Kpi,
  type PeriodPreset,
  type ReportFilters,
  type ReportName,
  reportFilters,
  reportNames,
  resolvePreset,
  type Unit,
} from '@lakou/reports/model';
import type { ReportsSearch, UrlPeriod } from './reports-search.ts';

/*
 * The board dashboard's rules, pure: the URL's search params ⇄ the report filters, the API and
 * download links, drilling down from the network to a centre then a stream and climbing back,
 * figures in the reader's language, and the trend of a key figure against its comparison.
 */

/** A dashboard opens on the current year unless the link says otherwise. */
export const DEFAULT_PERIOD: PeriodPreset = 'this_year';

/**
 * The permission each report asks on top of `report.read` (the API's sources say the same with
 * `alsoRequires`); the hub only uses it to leave out what would be refused.
 */
export const REPORT_REQUIRES: Record<ReportName, Action | undefined> = {
  fund: 'fund.read',
  recycling: 'circular.read',
  activity: undefined,
  circles: 'circle.aggregates.read',
  gardens: undefined,
};

export function isReportName(value: string): value is ReportName {
  return (reportNames as readonly string[]).includes(value);
}

const splitIds = (list: string | undefined): string[] =>
  list ? list.split(',').filter((s) => s.length > 0) : [];

/** The granularity a period reads best in when the link names none. */
export function defaultGranularity(from: string, to: string): Granularity {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days <= 62) return 'week';
  if (days <= 3 * 366) return 'month';
  return 'year';
}

export interface ResolvedFilters {
  filters: ReportFilters;
  /** The period as the filter bar shows it: a named preset, or `custom` for two dates. */
  period: UrlPeriod;
  /** Why the link's filters were refused (French, from `reportFilters`), the defaults used instead. */
  invalid: string | null;
}

/**
 * The filters a page asks the API for. `today` is the network's calendar date (presets are
 * relative to it, so a shared « trimestre dernier » stays current). `allowed` is the reader's
 * centre scope: a manager's filter never names a centre outside it, and with none named it
 * covers exactly their centres (their dashboard opens on them).
 */
export function filtersFromSearch(
  search: ReportsSearch,
  today: string,
  allowed: 'all' | readonly string[],
): ResolvedFilters {
  const period: UrlPeriod =
    search.period ??
    (search.from !== undefined || search.to !== undefined ? 'custom' : DEFAULT_PERIOD);
  const fallback = resolvePreset(DEFAULT_PERIOD, today);
  const range =
    period === 'custom'
      ? { from: search.from ?? fallback.from, to: search.to ?? fallback.to }
      : resolvePreset(period, today);
  let centreIds = splitIds(search.centreIds);
  if (allowed !== 'all') {
    centreIds = centreIds.filter((id) => allowed.includes(id));
    if (centreIds.length === 0) centreIds = [...allowed];
  }
  const candidate = {
    from: range.from,
    to: range.to,
    centreIds,
    streamIds: splitIds(search.streamIds),
    granularity: search.granularity ?? defaultGranularity(range.from, range.to),
    compare: search.compare ?? 'none',
  };
  const parsed = reportFilters.safeParse(candidate);
  if (parsed.success) return { filters: parsed.data, period, invalid: null };
  const filters = reportFilters.parse({
    ...candidate,
    ...fallback,
    granularity: search.granularity ?? defaultGranularity(fallback.from, fallback.to),
  });
  return {
    filters,
    period,
    invalid: parsed.error.issues[0]?.message ?? 'Filtres invalides.',
  };
}

/** A new period chosen in the filter bar: a preset forgets the dates, `custom` keeps the current ones. */
export function withPeriod(
  search: ReportsSearch,
  period: UrlPeriod,
  current: Pick<ReportFilters, 'from' | 'to'>,
): ReportsSearch {
  if (period === 'custom') return { ...search, period, from: current.from, to: current.to };
  return { ...search, period, from: undefined, to: undefined };
}

/** Dates typed in the filter bar: the period becomes custom. */
export function withDates(
  search: ReportsSearch,
  dates: { from?: string | undefined; to?: string | undefined },
  current: Pick<ReportFilters, 'from' | 'to'>,
): ReportsSearch {
  return {
    ...search,
    period: 'custom',
    from: dates.from ?? search.from ?? current.from,
    to: dates.to ?? search.to ?? current.to,
  };
}

const joinIds = (ids: readonly string[]) => (ids.length > 0 ? ids.join(',') : undefined);

/** Centres ticked in the filter bar (none: every centre the reader sees); a stream choice is kept. */
export function withCentres(search: ReportsSearch, centreIds: readonly string[]): ReportsSearch {
  return { ...search, centreIds: joinIds(centreIds) };
}

/** A table row's drill-down: its centre, then (recycling) its stream, narrow the filters. */
export function drillSearch(search: ReportsSearch, drill: Drill): ReportsSearch {
  return {
    ...search,
    ...(drill.centreId ? { centreIds: drill.centreId } : {}),
    ...(drill.streamId ? { streamIds: drill.streamId } : {}),
  };
}

export type CrumbLevel = 'network' | 'centre' | 'stream';

export interface Crumb {
  level: CrumbLevel;
  /** The centre or stream id at that level (none for the network). */
  id?: string;
  /** The search that climbs back to this level. */
  search: ReportsSearch;
}

/**
 * Réseau › centre › flux: the network always, then the one centre the filters narrow to, then
 * the one stream. Several centres or streams are no level of their own (the filter bar says them).
 */
export function breadcrumbOf(search: ReportsSearch): Crumb[] {
  const centres = splitIds(search.centreIds);
  const streams = splitIds(search.streamIds);
  const crumbs: Crumb[] = [
    { level: 'network', search: { ...search, centreIds: undefined, streamIds: undefined } },
  ];
  if (centres.length === 1)
    crumbs.push({ level: 'centre', id: centres[0], search: { ...search, streamIds: undefined } });
  if (streams.length === 1) crumbs.push({ level: 'stream', id: streams[0], search });
  return crumbs;
}

/** The filters as the API's query string (the same for the JSON, the files and the board pack). */
export function apiQuery(filters: ReportFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.centreIds.length > 0) params.set('centreIds', filters.centreIds.join(','));
  if (filters.streamIds.length > 0) params.set('streamIds', filters.streamIds.join(','));
  params.set('granularity', filters.granularity);
  params.set('compare', filters.compare);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

/** A report as JSON, or as a file to download. */
export function reportUrl(name: ReportName, filters: ReportFilters, format?: ExportFormat): string {
  return `/api/reports/${name}?${apiQuery(filters, format ? { format } : {})}`;
}

/** The board pack: every report the reader may read, as one PDF. */
export function boardPackUrl(filters: ReportFilters): string {
  return `/api/reports/board-pack.pdf?${apiQuery(filters)}`;
}

/** A figure in the reader's language; `null` (a rate without denominator) reads « — ». */
export function formatFigure(value: number | null | undefined, unit: Unit, locale: string): string {
  if (value === null || value === undefined) return '—';
  const french = locale.startsWith('fr');
  switch (unit) {
    case 'cents':
      return french && Number.isSafeInteger(value)
        ? formatEuros(value)
        : new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(value / 100);
    case 'grams':
      if (french && Number.isSafeInteger(value)) return formatMass(value);
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value / 1_000_000)}\u00a0t`;
    case 'ratio':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
        value,
      );
    case 'hours':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)}\u00a0h`;
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
    case 'text':
      return String(value);
  }
}

export type TrendDirection = 'up' | 'down' | 'flat';

export interface Trend {
  direction: TrendDirection;
  /**
   * How much it changed, unsigned (the direction says which way, in words): « 12,8 % »,
   * « 3,5 pts » (rates change by points), or the figure itself when there was nothing before.
   */
  change: string;
}

/** A key figure against its comparison period; `null` when there is nothing to compare. */
export function trendOf(kpi: Kpi, locale: string): Trend | null {
  if (kpi.previous === undefined || kpi.previous === null || kpi.value === null) return null;
  const delta = kpi.value - kpi.previous;
  const direction: TrendDirection = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
  // Small changes keep two significant digits, so a change never reads « 0 % ».
  const precise = (n: number): Intl.NumberFormatOptions =>
    n !== 0 && Math.abs(n) < 0.01 ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 1 };
  if (kpi.unit === 'ratio') {
    const points = Math.abs(delta) * 100;
    return {
      direction,
      change: `${new Intl.NumberFormat(locale, precise(points / 100)).format(points)}\u00a0pts`,
    };
  }
  if (kpi.previous === 0) {
    // No percentage of nothing: the change is told in the figure's own unit.
    return { direction, change: formatFigure(Math.abs(delta), kpi.unit, locale) };
  }
  const relative = Math.abs(delta / kpi.previous);
  return {
    direction,
    change: new Intl.NumberFormat(locale, { style: 'percent', ...precise(relative) }).format(
      relative,
    ),
  };
}
