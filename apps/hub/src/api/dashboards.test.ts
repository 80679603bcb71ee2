import { widget } from '@lakou/reports/model';
import { describe, expect, it } from 'vitest';
import { widgetReportFilters } from './dashboards.ts';

const KOUROU = '3f2b8c1e-5d4a-4b7e-9c21-0a6f4e8d2b17';

describe('widgetReportFilters', () => {
  it('reads the period preset on the given day and keeps the other filters', () => {
    const w = widget.parse({
      id: 'w',
      report: 'recycling',
      chartId: 'tonnage',
      display: 'bar',
      filters: {
        period: 'last_quarter',
        centreIds: [KOUROU],
        granularity: 'week',
        compare: 'previous',
      },
    });
    // 5 February 2027: the last quarter is the fourth of 2026.
    expect(widgetReportFilters(w, '2027-02-05')).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
      centreIds: [KOUROU],
      streamIds: [],
      granularity: 'week',
      compare: 'previous',
    });
  });

  it('stays current: « cette année » is the year of the day it is read', () => {
    const w = widget.parse({ id: 'k', report: 'fund', display: 'kpis' });
    expect(widgetReportFilters(w, '2026-12-06')).toMatchObject({
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(widgetReportFilters(w, '2027-01-01')).toMatchObject({
      from: '2027-01-01',
      to: '2027-12-31',
    });
  });
});
