import type {
  CorrectionInput,
  Disbursement,
  Donation,
  Donor,
  Grant,
  GrantInput,
  GrantMoveInput,
  GrantStatus,
  LedgerEntry,
  LedgerKind,
  SubFund,
  SubFundKind,
} from '@lakou/domain/fund';
import type { Page } from '@lakou/domain/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';

/*
 * The endowment fund for the board and the treasurer: sub-funds and their balances at a date,
 * the ledger and its corrections, the grants pipeline, the disbursements. The pages invalidate
 * `fundKeys.all` after each write: a movement changes balances, the ledger and the deadlines.
 * Through the typed client: a non-2xx answer throws `ApiError` with its problem document.
 */

/** Query-string values are strings; unset filters are left out of the URL entirely. */
function queryString(params: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') out[key] = String(value);
  }
  return out;
}

export const fundKeys = {
  all: ['fund'] as const,
  balances: (at: string | undefined) => ['fund', 'balances', at ?? 'today'] as const,
  ledger: (filters: LedgerFilters) => ['fund', 'ledger', filters] as const,
  grants: (filters: GrantFilters) => ['fund', 'grants', 'list', filters] as const,
  grant: (id: string) => ['fund', 'grants', 'detail', id] as const,
  deadlines: (days: number) => ['fund', 'grants', 'deadlines', days] as const,
  disbursements: (filters: DisbursementFilters) => ['fund', 'disbursements', filters] as const,
  funders: ['fund', 'funders'] as const,
};

export interface FundTotals {
  balanceCents: number;
  availableCents: number;
  unrestrictedCents: number;
  restrictedCents: number;
  endowmentCents: number;
  inKindYearCents: number;
}

export interface Balances {
  /** The day the balances close (AAAA-MM-JJ). */
  at: string;
  items: SubFund[];
  totals: FundTotals;
}

/** The sub-funds with their balances at the end of `at` (today in the fund's calendar if unset). */
export const balancesQuery = (at?: string) =>
  queryOptions({
    queryKey: fundKeys.balances(at),
    queryFn: async (): Promise<Balances> =>
      unwrap(api.api.funds.$get({ query: queryString({ at }) })),
    placeholderData: keepPreviousData,
  });

export interface LedgerFilters {
  subFundId?: string | undefined;
  kind?: LedgerKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** A page of the ledger, newest first. */
export const ledgerQuery = (filters: LedgerFilters) =>
  queryOptions({
    queryKey: fundKeys.ledger(filters),
    queryFn: async (): Promise<Page<LedgerEntry>> =>
      unwrap(api.api.ledger.$get({ query: queryString(filters) })),
    placeholderData: keepPreviousData,
  });

/** Reverses a ledger entry, with the reason: answers the reversing entry. */
export function correctEntry(id: string, input: CorrectionInput): Promise<LedgerEntry> {
  return unwrap(api.api.ledger[':id'].corrections.$post({ param: { id }, json: input }));
}

export interface GrantFilters {
  status?: GrantStatus | undefined;
  funderId?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export const grantsQuery = (filters: GrantFilters) =>
  queryOptions({
    queryKey: fundKeys.grants(filters),
    queryFn: async (): Promise<Page<Grant>> =>
      unwrap(api.api.grants.$get({ query: queryString(filters) })),
    placeholderData: keepPreviousData,
  });

export const grantQuery = (id: string) =>
  queryOptions({
    queryKey: fundKeys.grant(id),
    queryFn: async (): Promise<Grant> => unwrap(api.api.grants[':id'].$get({ param: { id } })),
  });

export interface GrantDeadline {
  grantId: string;
  funderName: string;
  project: string;
  kind: 'submission' | 'report' | 'instalment';
  date: string;
  overdue: boolean;
  amountCents: number | null;
}

/** What the grants ask in the next `days` days, what is late first. */
export const deadlinesQuery = (days = 60) =>
  queryOptions({
    queryKey: fundKeys.deadlines(days),
    queryFn: async (): Promise<{ items: GrantDeadline[] }> =>
      unwrap(api.api.grants.deadlines.$get({ query: queryString({ days }) })),
  });

export type NewGrant = Omit<GrantInput, 'notes'> & { notes: string | null };

export function createGrant(input: NewGrant): Promise<Grant> {
  return unwrap(api.api.grants.$post({ json: input }));
}

export function moveGrant(id: string, move: GrantMoveInput): Promise<Grant> {
  return unwrap(api.api.grants[':id'].moves.$post({ param: { id }, json: move }));
}

export function addInstalment(
  id: string,
  instalment: { expectedOn: string; amountCents: number },
): Promise<Grant> {
  return unwrap(api.api.grants[':id'].instalments.$post({ param: { id }, json: instalment }));
}

export function markInstalmentReceived(
  grantId: string,
  instalmentId: string,
  receivedOn: string,
): Promise<Grant> {
  return unwrap(
    api.api.grants[':id'].instalments[':instalmentId'].received.$post({
      param: { id: grantId, instalmentId },
      json: { receivedOn },
    }),
  );
}

/** Foundations and public bodies: the donors a grant may come from. */
export const fundersQuery = () =>
  queryOptions({
    queryKey: fundKeys.funders,
    queryFn: async (): Promise<Donor[]> => {
      const [foundations, publicBodies] = await Promise.all(
        (['foundation', 'public_body'] as const).map((kind) =>
          unwrap(api.api.donors.$get({ query: queryString({ kind, pageSize: 100 }) })),
        ),
      );
      return [...(foundations?.items ?? []), ...(publicBodies?.items ?? [])]
        .filter((d) => d.erasedAt === null)
        .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    },
    staleTime: 60_000,
  });

export interface DisbursementFilters {
  subFundId?: string | undefined;
  centreId?: string | undefined;
  partnerId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export const disbursementsQuery = (filters: DisbursementFilters) =>
  queryOptions({
    queryKey: fundKeys.disbursements(filters),
    queryFn: async (): Promise<Page<Disbursement>> =>
      unwrap(api.api.disbursements.$get({ query: queryString(filters) })),
    placeholderData: keepPreviousData,
  });

/** A money disbursement as the form sends it. */
export interface NewMoneyDisbursement {
  kind: 'money';
  centreId: string | null;
  partnerId: string | null;
  subFundId: string;
  amountCents: number;
  purpose: string;
  decisionOn: string;
  decisionRef: string;
  paidOn: string;
}

export function createDisbursement(
  input: NewMoneyDisbursement | NewGoodsDisbursement,
): Promise<Disbursement> {
  return unwrap(api.api.disbursements.$post({ json: input }));
}

/** A sub-fund as the admin creates it (`subFundInput`): 409 CODE_TAKEN on the code. */
export interface NewSubFund {
  code: string;
  name: string;
  kind: SubFundKind;
  purpose: string | null;
  centreId: string | null;
  consumable: boolean;
}

export function createSubFund(input: NewSubFund): Promise<SubFund> {
  return unwrap(api.api.funds.$post({ json: input }));
}

/** The application's fields a grant's patch may change (`grantPatch`). */
export type GrantPatch = Partial<Omit<GrantInput, 'funderId'>>;

/** Changes a grant's application (only the fields sent); refused with GRANT_CLOSED once closed. */
export function updateGrant(id: string, patch: GrantPatch): Promise<Grant> {
  return unwrap(api.api.grants[':id'].$patch({ param: { id }, json: patch }));
}

/** Goods given in kind passed on to a centre or a partner: their valuation, no ledger entry. */
export interface NewGoodsDisbursement {
  kind: 'goods';
  centreId: string | null;
  partnerId: string | null;
  donationIds: string[];
  purpose: string;
  decisionOn: string;
  decisionRef: string;
  paidOn: string;
}

const LIST_MAX = 100;
/** Pages read at most when gathering a whole list for a form (100 items each). */
const LIST_PAGES_MAX = 20;

/** Every page of a list, up to LIST_PAGES_MAX pages of 100. */
async function allPages<T>(load: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= LIST_PAGES_MAX; page++) {
    const got = await load(page);
    items.push(...got.items);
    if (page * LIST_MAX >= got.total || got.items.length === 0) break;
  }
  return items;
}

/**
 * The in-kind gifts and which of them were already passed on. The donations list does not say
 * it: a gift is passed on when a goods disbursement lists it (`donationIds`), so both lists are
 * read. The API refuses a gift already passed on anyway (ALREADY_PASSED_ON).
 */
export const inKindGiftsQuery = () =>
  queryOptions({
    queryKey: [...fundKeys.all, 'in-kind-gifts'] as const,
    queryFn: async (): Promise<{ gifts: Donation[]; passedOnIds: string[] }> => {
      const [gifts, given] = await Promise.all([
        allPages((page) =>
          unwrap(
            api.api.donations.$get({
              query: queryString({ kind: 'in_kind', page, pageSize: LIST_MAX }),
            }),
          ),
        ),
        allPages((page) =>
          unwrap(api.api.disbursements.$get({ query: queryString({ page, pageSize: LIST_MAX }) })),
        ),
      ]);
      return {
        gifts,
        passedOnIds: given.filter((d) => d.kind === 'goods').flatMap((d) => d.donationIds),
      };
    },
  });
