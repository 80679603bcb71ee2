import type { Problem } from '@lakou/domain/shared';
import type { ReportFilters, ReportModel, ReportName } from '@lakou/reports/model';
import { queryOptions } from '@tanstack/react-query';
import { reportUrl } from '../lib/reports.ts';
import { ApiError } from './api-error.ts';

/*
 * The board's reports (issue 8): `GET /api/reports/{name}` answers a `ReportModel` for the
 * filters (the same model the CSV, XLSX and PDF files are made from). Plain `fetch`, like
 * api/circular.ts; a non-2xx answer throws `ApiError` with its problem document. The files
 * and the board pack are plain download links (lib/reports `reportUrl`, `boardPackUrl`).
 */

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) {
    let problem: Problem = {
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
    };
    try {
      const parsed: unknown = await response.json();
      if (isProblem(parsed)) problem = parsed;
    } catch {
      // Not JSON (a proxy's error page): the status is what the page needs.
    }
    throw new ApiError(problem);
  }
  return (await response.json()) as T;
}

export const reportKeys = {
  all: ['report-models'] as const,
  one: (name: ReportName, filters: ReportFilters) => ['report-models', name, filters] as const,
};

/** One report for the filters; the previous figures stay on screen while new ones load. */
export const reportQuery = (name: ReportName, filters: ReportFilters) =>
  queryOptions({
    queryKey: reportKeys.one(name, filters),
    queryFn: ({ signal }): Promise<ReportModel> => getJson(reportUrl(name, filters), signal),
    // Never another report's figures in the meantime (the same card may change report).
    placeholderData: (previous) => (previous?.report === name ? previous : undefined),
    staleTime: 60_000,
    // A refusal (403: not this reader's report) or a bad filter (400) will not change on retry.
    retry: (count, error) =>
      !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
  });
