import type {
  Donation,
  DonationInput,
  Donor,
  DonorInput,
  DonorKind,
  ImportResult,
  Receipt,
  ReceiptInput,
  SubFund,
} from '@lakou/domain/fund';
import type { Page, Problem } from '@lakou/domain/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { ApiError } from './client.ts';

/*
 * Donors, gifts, the bank CSV import and tax receipts (issue 6), as the fund's API contract
 * describes them. These routes were written alongside the hub, so the calls go through `fetch`
 * with the domain's types rather than the typed client (whose types follow the route files);
 * answers and refusals are read exactly as `unwrap` reads them: a problem document becomes an
 * `ApiError`. The pages invalidate `donationKeys.all` after each write.
 */

export const donationKeys = {
  all: ['donations-context'] as const,
  donations: (filters: DonationFilters) => ['donations-context', 'donations', filters] as const,
  donors: (filters: DonorFilters) => ['donations-context', 'donors', filters] as const,
  donor: (id: string) => ['donations-context', 'donor', id] as const,
  receipts: (filters: ReceiptFilters) => ['donations-context', 'receipts', filters] as const,
  subFunds: ['donations-context', 'sub-funds'] as const,
};

export interface DonationFilters {
  kind?: 'money' | 'in_kind' | undefined;
  donorId?: string | undefined;
  centreId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  unreceipted?: boolean | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface DonorFilters {
  q?: string | undefined;
  kind?: DonorKind | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface ReceiptFilters {
  year?: number | undefined;
  donorId?: string | undefined;
  status?: 'issued' | 'cancelled' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

function queryString(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

/** The problem document of a refusal (or one made from the status when the body is not one). */
async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const problem: Problem = isProblem(body)
    ? body
    : {
        type: 'about:blank',
        title: response.statusText || `HTTP ${response.status}`,
        status: response.status,
      };
  return new ApiError(problem, { code: problem.code });
}

async function request<T>(
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

// --- Sub-funds (read only here: where a money gift goes) -----------------------------------

export const subFundsQuery = () =>
  queryOptions({
    queryKey: donationKeys.subFunds,
    queryFn: async (): Promise<SubFund[]> =>
      (await request<{ items: SubFund[] }>('GET', '/funds')).items,
    staleTime: 5 * 60_000,
  });

// --- Donors ---------------------------------------------------------------------------------

export const donorsQuery = (filters: DonorFilters) =>
  queryOptions({
    queryKey: donationKeys.donors(filters),
    queryFn: async (): Promise<Page<Donor>> => request('GET', `/donors${queryString(filters)}`),
    placeholderData: keepPreviousData,
  });

export const donorQuery = (id: string) =>
  queryOptions({
    queryKey: donationKeys.donor(id),
    queryFn: async (): Promise<Donor> => request('GET', `/donors/${encodeURIComponent(id)}`),
  });

export type NewDonor = Partial<DonorInput> & Pick<DonorInput, 'kind' | 'name'>;

export async function createDonor(input: NewDonor): Promise<Donor> {
  return request('POST', '/donors', input);
}

export async function updateDonor(id: string, patch: Partial<DonorInput>): Promise<Donor> {
  return request('PATCH', `/donors/${encodeURIComponent(id)}`, patch);
}

export async function eraseDonor(id: string): Promise<Donor> {
  return request('POST', `/donors/${encodeURIComponent(id)}/erase`, { confirm: true });
}

/** The GDPR export of one donor (a JSON file the browser downloads). */
export function donorExportUrl(id: string): string {
  return `/api/donors/${encodeURIComponent(id)}/export`;
}

// --- Gifts ----------------------------------------------------------------------------------

export const donationsQuery = (filters: DonationFilters) =>
  queryOptions({
    queryKey: donationKeys.donations(filters),
    queryFn: async (): Promise<Page<Donation>> =>
      request('GET', `/donations${queryString(filters)}`),
    placeholderData: keepPreviousData,
  });

/** The input of a gift as the forms send it (zod defaults filled in by the API). */
export type NewDonation =
  | (Omit<Extract<DonationInput, { kind: 'money' }>, 'reference' | 'note'> & {
      reference?: string | null;
      note?: string | null;
    })
  | (Omit<Extract<DonationInput, { kind: 'in_kind' }>, 'note' | 'partnerId' | 'massGrams'> & {
      partnerId?: string | null;
      massGrams?: number | null;
      note?: string | null;
    });

export async function createDonation(input: NewDonation): Promise<Donation> {
  return request('POST', '/donations', input);
}

/**
 * A dry run (nothing written) or the import itself. A refused import (422) carries the same
 * body as a dry run, with every bad row: it is returned, not thrown.
 */
export async function importDonations(input: {
  csv: string;
  fileName?: string;
  dryRun: boolean;
}): Promise<ImportResult> {
  const response = await fetch('/api/donations/import', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(input),
  });
  if (response.ok || response.status === 422) {
    const body = (await response.clone().json()) as unknown;
    if (typeof body === 'object' && body !== null && 'problems' in body)
      return body as ImportResult;
  }
  throw await errorOf(response);
}

// --- Receipts -------------------------------------------------------------------------------

export const receiptsQuery = (filters: ReceiptFilters) =>
  queryOptions({
    queryKey: donationKeys.receipts(filters),
    queryFn: async (): Promise<Page<Receipt>> => request('GET', `/receipts${queryString(filters)}`),
    placeholderData: keepPreviousData,
  });

export async function issueReceipt(input: ReceiptInput): Promise<Receipt> {
  return request('POST', '/receipts', input);
}

export async function cancelReceipt(
  id: string,
  input: { reason: string; reissue: boolean },
): Promise<{ cancelled: Receipt; reissued: Receipt | null }> {
  return request('POST', `/receipts/${encodeURIComponent(id)}/cancel`, input);
}

/** The receipt as a PDF (printed from its snapshot at issue). */
export function receiptPdfUrl(id: string): string {
  return `/api/receipts/${encodeURIComponent(id)}/pdf`;
}

/** Why the API refused: its stable code, its French sentence and the fields it names. */
export interface Refusal {
  code: string | undefined;
  detail: string;
  fields: Record<string, string>;
}

export function refusalOf(error: unknown): Refusal {
  if (error instanceof ApiError) {
    const fields: Record<string, string> = {};
    for (const entry of error.problem.errors ?? []) {
      const key = entry.field.split('.')[0] ?? entry.field;
      fields[key] ??= entry.message;
    }
    return {
      code: error.problem.code,
      detail: error.problem.detail ?? error.problem.title,
      fields,
    };
  }
  return {
    code: undefined,
    detail: error instanceof Error ? error.message : String(error),
    fields: {},
  };
}
