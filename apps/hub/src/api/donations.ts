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
import type { Page } from '@lakou/domain/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { ApiError, api, unwrap } from './client.ts';

/*
 * Donors, gifts, the bank CSV import and tax receipts (issue 6) through the typed client. The
 * pages invalidate `donationKeys.all` after each write; PDFs and the GDPR export are plain links
 * the browser downloads.
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

/** Query-string values are strings; unset filters are left out of the URL entirely. */
function queryString(params: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') out[key] = String(value);
  }
  return out;
}

// --- Sub-funds (read only here: where a money gift goes) -----------------------------------

export const subFundsQuery = () =>
  queryOptions({
    queryKey: donationKeys.subFunds,
    queryFn: async (): Promise<SubFund[]> =>
      (await unwrap(api.api.funds.$get({ query: {} }))).items as SubFund[],
    staleTime: 5 * 60_000,
  });

// --- Donors ---------------------------------------------------------------------------------

export const donorsQuery = (filters: DonorFilters) =>
  queryOptions({
    queryKey: donationKeys.donors(filters),
    queryFn: async (): Promise<Page<Donor>> =>
      unwrap(api.api.donors.$get({ query: queryString(filters) })),
    placeholderData: keepPreviousData,
  });

export const donorQuery = (id: string) =>
  queryOptions({
    queryKey: donationKeys.donor(id),
    queryFn: async (): Promise<Donor> => unwrap(api.api.donors[':id'].$get({ param: { id } })),
  });

export type NewDonor = Partial<DonorInput> & Pick<DonorInput, 'kind' | 'name'>;

export async function createDonor(input: NewDonor): Promise<Donor> {
  return unwrap(api.api.donors.$post({ json: input }));
}

export async function updateDonor(id: string, patch: Partial<DonorInput>): Promise<Donor> {
  return unwrap(api.api.donors[':id'].$patch({ param: { id }, json: patch }));
}

/** Erases a donor's personal data; the answer says what was kept and why. */
export async function eraseDonor(id: string): Promise<Donor & { notice: string }> {
  return unwrap(api.api.donors[':id'].erase.$post({ param: { id }, json: { confirm: true } }));
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
      unwrap(api.api.donations.$get({ query: queryString(filters) })),
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
  return unwrap(api.api.donations.$post({ json: input }));
}

/** Changes a gift's custom values (only the keys sent; null erases an optional one). */
export async function updateDonationCustom(
  id: string,
  custom: Record<string, unknown>,
): Promise<Donation> {
  return unwrap(api.api.donations[':id'].$patch({ param: { id }, json: { custom } }));
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
  const response = await api.api.donations.import.$post({ json: input });
  if (response.status === 422) return (await response.json()) as ImportResult;
  return unwrap(Promise.resolve(response));
}

// --- Receipts -------------------------------------------------------------------------------

export const receiptsQuery = (filters: ReceiptFilters) =>
  queryOptions({
    queryKey: donationKeys.receipts(filters),
    queryFn: async (): Promise<Page<Receipt>> =>
      unwrap(api.api.receipts.$get({ query: queryString(filters) })),
    placeholderData: keepPreviousData,
  });

export async function issueReceipt(input: ReceiptInput): Promise<Receipt> {
  return unwrap(api.api.receipts.$post({ json: input }));
}

export async function cancelReceipt(
  id: string,
  input: { reason: string; reissue: boolean },
): Promise<{ cancelled: Receipt; reissued: Receipt | null }> {
  return unwrap(api.api.receipts[':id'].cancel.$post({ param: { id }, json: input }));
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
