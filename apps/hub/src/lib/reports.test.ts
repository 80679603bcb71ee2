import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  boardPackUrl,
  breadcrumbOf,
  drillSearch,
  filtersFromSearch,
  formatFigure,
  reportUrl,
  trendOf,
  withCentres,
  withDates,
  withPeriod,
} from './reports.ts';
import { type ReportsSearch, reportsSearch } from './reports-search.ts';

const A = '0b7d3c1e-6f2a-4c1b-9a53-1d2e3f4a5b6c';
const B = '1c8e4d2f-7a3b-4d2c-8b64-2e3f4a5b6c7d';
const C = '2d9f5e3a-8b4c-4e3d-9c75-3f4a5b6c7d8e';
const S = '3e0a6f4b-9c5d-4f4e-8d86-4a5b6c7d8e9f';
const TODAY = '2026-12-06';

/** What TanStack Router hands the route after reading `?…` (values as strings). */
const parse = (query: string) =>
  reportsSearch.parse(Object.fromEntries(new URLSearchParams(query).entries()));

describe('the dashboard URL', () => {
  it('opens on this year, by month, with no comparison and the reader’s whole scope', () => {
    const { filters, period, invalid } = filtersFromSearch(parse(''), TODAY, 'all');
    expect(period).toBe('this_year');
    expect(invalid).toBeNull();
    expect(filters).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      centreIds: [],
      streamIds: [],
      granularity: 'month',
      compare: 'none',
    });
  });

  it('reads a shared link: a preset, centres, a stream, granularity and comparison', () => {
    const search = parse(
      `period=last_quarter&centreIds=${A},${B}&streamIds=${S}&granularity=quarter&compare=last_year`,
    );
    expect(filtersFromSearch(search, TODAY, 'all').filters).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
      centreIds: [A, B],
      streamIds: [S],
      granularity: 'quarter',
      compare: 'last_year',
    });
  });

  it('reads two dates as a custom period, and a short period by week', () => {
    const { filters, period } = filtersFromSearch(
      parse('from=2026-03-01&to=2026-03-31'),
      TODAY,
      'all',
    );
    expect(period).toBe('custom');
    expect(filters).toMatchObject({ from: '2026-03-01', to: '2026-03-31', granularity: 'week' });
  });

  it('drops hand-edited nonsense instead of failing', () => {
    const search = parse(
      `period=forever&from=2026-02-30&centreIds=${A},not-an-id,${A}&granularity=hourly&compare=x`,
    );
    expect(search).toEqual({ centreIds: A });
    expect(parse('centreIds=nope').centreIds).toBeUndefined();
  });

  it('refuses a period that ends before it starts, in French, and shows this year instead', () => {
    const { filters, invalid } = filtersFromSearch(
      parse('from=2026-05-01&to=2026-04-01'),
      TODAY,
      'all',
    );
    expect(invalid).toBe('La fin de la période doit suivre son début.');
    expect(filters).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('keeps a manager to their centres, and opens on all of them', () => {
    expect(filtersFromSearch(parse(''), TODAY, [A, B]).filters.centreIds).toEqual([A, B]);
    expect(filtersFromSearch(parse(`centreIds=${B}`), TODAY, [A, B]).filters.centreIds).toEqual([
      B,
    ]);
    // A shared link naming another centre falls back to the manager's own.
    expect(filtersFromSearch(parse(`centreIds=${C}`), TODAY, [A]).filters.centreIds).toEqual([A]);
  });

  it('a preset forgets typed dates; custom keeps the dates shown', () => {
    const custom: ReportsSearch = { period: 'custom', from: '2026-02-01', to: '2026-02-28' };
    expect(withPeriod(custom, 'last_month', { from: '2026-02-01', to: '2026-02-28' })).toEqual({
      period: 'last_month',
      from: undefined,
      to: undefined,
    });
    expect(withPeriod({}, 'custom', { from: '2026-01-01', to: '2026-12-31' })).toEqual({
      period: 'custom',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(
      withDates(
        { period: 'this_year' },
        { to: '2026-06-30' },
        { from: '2026-01-01', to: '2026-12-31' },
      ),
    ).toEqual({ period: 'custom', from: '2026-01-01', to: '2026-06-30' });
    expect(withCentres({ centreIds: A }, [])).toEqual({ centreIds: undefined });
  });

  it('survives the round trip through the URL for every combination of filters', () => {
    const centreLists = [[], [A], [B, A, C]];
    const streamLists = [[], [S]];
    const granularities = ['day', 'week', 'month', 'quarter', 'year'] as const;
    const comparisons = ['none', 'previous', 'last_year'] as const;
    const periods = ['this_month', 'last_quarter', 'last_12_months', 'custom'] as const;
    for (const centres of centreLists)
      for (const streams of streamLists)
        for (const granularity of granularities)
          for (const compare of comparisons)
            for (const period of periods) {
              let search: ReportsSearch = { period, granularity, compare };
              search = withCentres(search, centres);
              if (streams.length > 0) search = { ...search, streamIds: streams.join(',') };
              if (period === 'custom') search = { ...search, from: '2025-02-03', to: '2026-01-04' };
              // What the router writes in the address bar, read back.
              const query = new URLSearchParams(
                Object.entries(search).filter((e): e is [string, string] => e[1] !== undefined),
              ).toString();
              const back = parse(query);
              expect(back).toEqual(
                Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)),
              );
              const { filters } = filtersFromSearch(back, TODAY, 'all');
              expect(filters.centreIds).toEqual(centres);
              expect(filters.streamIds).toEqual(streams);
              // The API reads the same filters from the query string the page sends.
              const sent = new URLSearchParams(apiQuery(filters));
              expect(sent.get('centreIds') ?? '').toBe(centres.join(','));
              expect(sent.get('streamIds') ?? '').toBe(streams.join(','));
              expect(sent.get('granularity')).toBe(granularity);
              expect(sent.get('compare')).toBe(compare);
            }
  });
});

describe('drilling down', () => {
  it('narrows to a row’s centre, then its stream, and climbs back réseau › centre › flux', () => {
    const start: ReportsSearch = { period: 'last_year', centreIds: `${A},${B}` };
    const centre = drillSearch(start, { centreId: A });
    expect(centre).toEqual({ period: 'last_year', centreIds: A });
    const stream = drillSearch(centre, { streamId: S });
    expect(stream).toEqual({ period: 'last_year', centreIds: A, streamIds: S });

    const crumbs = breadcrumbOf(stream);
    expect(crumbs.map((c) => [c.level, c.id])).toEqual([
      ['network', undefined],
      ['centre', A],
      ['stream', S],
    ]);
    expect(crumbs[0]?.search).toEqual({
      period: 'last_year',
      centreIds: undefined,
      streamIds: undefined,
    });
    expect(crumbs[1]?.search).toEqual({ period: 'last_year', centreIds: A, streamIds: undefined });
    // Several centres are no level of the breadcrumb.
    expect(breadcrumbOf(start).map((c) => c.level)).toEqual(['network']);
  });
});

describe('links', () => {
  const { filters } = filtersFromSearch(
    parse(`period=last_quarter&centreIds=${A}&compare=previous`),
    TODAY,
    'all',
  );

  it('downloads a report and the board pack with the page’s filters', () => {
    expect(reportUrl('recycling', filters, 'xlsx')).toBe(
      `/api/reports/recycling?from=2026-07-01&to=2026-09-30&centreIds=${A}&granularity=month&compare=previous&format=xlsx`,
    );
    expect(boardPackUrl(filters)).toBe(
      `/api/reports/board-pack.pdf?from=2026-07-01&to=2026-09-30&centreIds=${A}&granularity=month&compare=previous`,
    );
  });
});

describe('figures', () => {
  it('reads money, mass, rates and hours in French', () => {
    expect(formatFigure(123456, 'cents', 'fr-FR')).toBe('1\u202f234,56\u00a0€');
    expect(formatFigure(2_500_000, 'grams', 'fr-FR')).toBe('2,500\u00a0t');
    expect(formatFigure(0.4567, 'ratio', 'fr-FR')).toBe('45,7\u00a0%');
    expect(formatFigure(12.5, 'hours', 'fr-FR')).toBe('12,5\u00a0h');
    expect(formatFigure(null, 'ratio', 'fr-FR')).toBe('—');
  });

  it('compares a figure with its period of comparison', () => {
    const kpi = { key: 'k', label: 'K', unit: 'count' as const };
    expect(trendOf({ ...kpi, value: 120, previous: 100 }, 'fr-FR')).toEqual({
      direction: 'up',
      change: '20\u00a0%',
    });
    expect(trendOf({ ...kpi, value: 90, previous: 100 }, 'fr-FR')).toEqual({
      direction: 'down',
      change: '10\u00a0%',
    });
    // A tiny change is not rounded to nothing.
    expect(trendOf({ ...kpi, value: 4_912_350, previous: 4_910_100 }, 'fr-FR')?.change).toBe(
      '0,046\u00a0%',
    );
    expect(trendOf({ ...kpi, value: 5, previous: 0 }, 'fr-FR')).toEqual({
      direction: 'up',
      change: '5',
    });
    // Rates move by points, not by percent of a percent.
    expect(trendOf({ ...kpi, unit: 'ratio', value: 0.42, previous: 0.4 }, 'fr-FR')?.change).toBe(
      '2\u00a0pts',
    );
    expect(trendOf({ ...kpi, value: 5 }, 'fr-FR')).toBeNull();
    expect(trendOf({ ...kpi, value: null, previous: 3 }, 'fr-FR')).toBeNull();
  });
});
