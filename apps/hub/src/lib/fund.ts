import {
  GRANT_MOVES,
  type Grant,
  type GrantStatus,
  grantStatuses,
  type LedgerEntry,
  parseEuros,
  type SubFund,
  type SubFundKind,
} from '@lakou/domain/fund';
import type { Problem } from '@lakou/domain/shared';
import { Temporal } from 'temporal-polyfill';
import { formatCents } from './agenda.ts';

/*
 * Pure helpers of the fund's screens: amounts in euros, the grants board, what is late, what a
 * ledger entry allows, where a refusal of the API belongs in a form. No React: unit-tested in Node.
 */

/** The fund keeps its books in French Guiana's calendar (as the API's `fundToday`). */
export const FUND_TIME_ZONE = 'America/Cayenne';

/** Today in the fund's calendar (AAAA-MM-JJ), never the browser's zone. */
export function fundToday(now: Temporal.Instant = Temporal.Now.instant()): string {
  return now.toZonedDateTimeISO(FUND_TIME_ZONE).toPlainDate().toString();
}

/** Cents as euros for the locale: « 1 234,50 € ». */
export function formatEuros(cents: number, locale: string): string {
  return formatCents(cents, locale);
}

/** A movement with its sign: « +1 234,50 € », « −80,00 € » (a real minus sign), « 0,00 € ». */
export function formatSignedEuros(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    signDisplay: 'exceptZero',
  })
    .format(cents / 100)
    .replace('-', '\u2212');
}

/** An amount typed in euros (« 1 234,50 », « 1234.5 ») as positive cents, or null. */
export function typedEurosToCents(text: string): number | null {
  const cents = parseEuros(text);
  return cents !== null && cents > 0 ? cents : null;
}

/** Sub-funds in the order the board reads them: free money, then restricted, then the endowment. */
const KIND_ORDER: Record<SubFundKind, number> = { unrestricted: 0, restricted: 1, endowment: 2 };

export function sortSubFunds<T extends Pick<SubFund, 'kind' | 'code'>>(funds: readonly T[]): T[] {
  return [...funds].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.code.localeCompare(b.code),
  );
}

/** The part of the total a kind of money holds, as a whole percentage (0 when nothing is held). */
export function sharePercent(part: number, total: number): number {
  if (total <= 0 || part <= 0) return 0;
  return Math.round((part / total) * 100);
}

/** What the ledger lets one do with an entry: a correction is final, an entry is reversed once. */
export type CorrectionState = 'correction' | 'reversed' | 'open';

export function correctionState(
  entry: Pick<LedgerEntry, 'kind' | 'reversedById'>,
): CorrectionState {
  if (entry.kind === 'correction') return 'correction';
  if (entry.reversedById !== null) return 'reversed';
  return 'open';
}

export type GrantAlert = 'submission' | 'report' | 'instalment';

/**
 * What a grant is late for on `today`: a draft past its submission deadline, an awarded grant
 * past its report date, an instalment expected before today and not received. The same
 * deadlines as the domain's `dueWithin`.
 */
export function grantAlerts(
  grant: Pick<Grant, 'status' | 'submissionDeadline' | 'reportDueOn' | 'instalments'>,
  today: string,
): GrantAlert[] {
  const alerts: GrantAlert[] = [];
  if (grant.status === 'draft' && grant.submissionDeadline && grant.submissionDeadline < today)
    alerts.push('submission');
  if (grant.status === 'awarded' || grant.status === 'report_due') {
    if (grant.reportDueOn && grant.reportDueOn < today) alerts.push('report');
    if (grant.instalments.some((i) => i.receivedOn === null && i.expectedOn < today))
      alerts.push('instalment');
  }
  return alerts;
}

/** The deadline a grant's card shows for its status, or null. */
export function nextDeadlineOf(
  grant: Pick<Grant, 'status' | 'submissionDeadline' | 'reportDueOn' | 'instalments'>,
): { kind: GrantAlert; date: string } | null {
  if (grant.status === 'draft')
    return grant.submissionDeadline ? { kind: 'submission', date: grant.submissionDeadline } : null;
  if (grant.status === 'awarded' || grant.status === 'report_due') {
    const candidates: { kind: GrantAlert; date: string }[] = [];
    if (grant.reportDueOn) candidates.push({ kind: 'report', date: grant.reportDueOn });
    for (const i of grant.instalments)
      if (i.receivedOn === null) candidates.push({ kind: 'instalment', date: i.expectedOn });
    candidates.sort((a, b) => a.date.localeCompare(b.date));
    return candidates[0] ?? null;
  }
  return null;
}

export interface GrantColumn<T> {
  status: GrantStatus;
  grants: T[];
  /** Requested for drafts, submitted and rejected grants; awarded otherwise. */
  amountCents: number;
}

/** The pipeline's columns in the order of a grant's life, each with its grants and its sum. */
export function grantColumns<
  T extends Pick<Grant, 'status' | 'amountRequestedCents' | 'amountAwardedCents'>,
>(grants: readonly T[]): GrantColumn<T>[] {
  return grantStatuses.map((status) => {
    const ofStatus = grants.filter((g) => g.status === status);
    return {
      status,
      grants: ofStatus,
      amountCents: ofStatus.reduce((sum, g) => sum + grantAmountCents(g), 0),
    };
  });
}

/** The amount that counts for a grant: what was awarded once it was, else what is asked. */
export function grantAmountCents(
  grant: Pick<Grant, 'amountRequestedCents' | 'amountAwardedCents'>,
): number {
  return grant.amountAwardedCents ?? grant.amountRequestedCents;
}

/** What is still to schedule in instalments: awarded minus the instalments planned. */
export function leftToSchedule(grant: Pick<Grant, 'amountAwardedCents' | 'instalments'>): number {
  if (grant.amountAwardedCents === null) return 0;
  const planned = grant.instalments.reduce((sum, i) => sum + i.amountCents, 0);
  return Math.max(0, grant.amountAwardedCents - planned);
}

/** The statuses a grant may move to next (the domain's `GRANT_MOVES`). */
export function movesFrom(status: GrantStatus): readonly GrantStatus[] {
  return GRANT_MOVES[status];
}

/** What a move asks for beside its date. */
export function moveNeeds(to: GrantStatus): { amount: boolean; reportDate: boolean } {
  return { amount: to === 'awarded', reportDate: to === 'report_due' };
}

/** Whether instalments can be planned (and received) for a grant in this status. */
export function takesInstalments(status: GrantStatus): boolean {
  return status === 'awarded' || status === 'report_due';
}

/**
 * Where a refusal of the API goes in a form: each `errors` entry on its field (first segment of
 * the dotted path) and the detail as the form's message — unless the refusal's code names a
 * field (`fieldOfCode`): then its sentence goes on that field alone.
 */
export function formProblems(
  problem: Pick<Problem, 'detail' | 'title' | 'errors' | 'code' | 'status'>,
  fieldOfCode: Record<string, string> = {},
): { fields: Record<string, string>; detail: string | null } {
  const fields: Record<string, string> = {};
  for (const entry of problem.errors ?? []) {
    const key = entry.field.split('.')[0] ?? entry.field;
    fields[key] ??= entry.message;
  }
  const message = problem.detail ?? problem.title;
  const codeField = problem.code ? fieldOfCode[problem.code] : undefined;
  if (codeField && fields[codeField] === undefined) {
    fields[codeField] = message;
    return { fields, detail: null };
  }
  // A refusal that names its field says its sentence there, not twice.
  return { fields, detail: Object.values(fields).includes(message) ? null : message };
}

/** The codes of a disbursement's refusals that belong to the amount field. */
export const DISBURSEMENT_AMOUNT_CODES: Record<string, string> = {
  INSUFFICIENT_BALANCE: 'amountCents',
  ENDOWMENT_NOT_CONSUMABLE: 'amountCents',
};

/** Whether a date typed in a date field is a real calendar date (AAAA-MM-JJ). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** Cents as an amount a euro field shows and `typedEurosToCents` reads back: « 1250,50 ». */
export function centsToTypedEuros(cents: number): string {
  const euros = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}

/** A sub-fund as typed in the form, before it is checked. */
export interface SubFundDraft {
  code: string;
  name: string;
  kind: SubFundKind;
  purpose: string;
  centreId: string | null;
  consumable: boolean;
}

/** Why a typed sub-fund would be refused, by field (keys of `fund.newSubFund.errors`). */
export type SubFundDraftError =
  | 'codeInvalid'
  | 'nameTooShort'
  | 'purposeRequired'
  | 'purposeTooLong'
  | 'consumableEndowmentOnly';

/** The code as the API wants it: trimmed, in capitals. */
export function normaliseSubFundCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * The checks of the domain's `subFundInput`, field by field, so the form says them before
 * sending: a code of 2 to 24 capitals, digits and dashes; a name of 2 to 120 characters; a
 * restricted sub-fund names its purpose or its centre; only an endowment may be consumable.
 */
export function subFundDraftErrors(
  draft: SubFundDraft,
): Partial<Record<keyof SubFundDraft, SubFundDraftError>> {
  const errors: Partial<Record<keyof SubFundDraft, SubFundDraftError>> = {};
  if (!/^[A-Z0-9][A-Z0-9-]{1,23}$/.test(normaliseSubFundCode(draft.code)))
    errors.code = 'codeInvalid';
  const name = draft.name.trim();
  if (name.length < 2 || name.length > 120) errors.name = 'nameTooShort';
  const purpose = draft.purpose.trim();
  if (purpose.length > 500) errors.purpose = 'purposeTooLong';
  else if (draft.kind === 'restricted' && !purpose && !draft.centreId)
    errors.purpose = 'purposeRequired';
  if (draft.kind !== 'endowment' && draft.consumable) errors.consumable = 'consumableEndowmentOnly';
  return errors;
}

/** A grant's application as the edit form holds it: text as typed, '' for an empty date. */
export interface GrantDraft {
  callForProjects: string;
  project: string;
  amountRequestedCents: number;
  submissionDeadline: string;
  reportDueOn: string;
  centreId: string | null;
  notes: string;
}

/** What a grant's edit form starts from. */
export function grantDraftOf(
  grant: Pick<
    Grant,
    | 'callForProjects'
    | 'project'
    | 'amountRequestedCents'
    | 'submissionDeadline'
    | 'reportDueOn'
    | 'centreId'
    | 'notes'
  >,
): GrantDraft {
  return {
    callForProjects: grant.callForProjects,
    project: grant.project,
    amountRequestedCents: grant.amountRequestedCents,
    submissionDeadline: grant.submissionDeadline ?? '',
    reportDueOn: grant.reportDueOn ?? '',
    centreId: grant.centreId,
    notes: grant.notes ?? '',
  };
}

/**
 * The patch of an edited grant: only the fields that changed (trimmed; an emptied date or note
 * becomes null), so that the API's audit records what the admin actually changed.
 */
export function grantChanges(before: GrantDraft, after: GrantDraft) {
  const patch: {
    callForProjects?: string;
    project?: string;
    amountRequestedCents?: number;
    submissionDeadline?: string | null;
    reportDueOn?: string | null;
    centreId?: string | null;
    notes?: string | null;
  } = {};
  const text = (key: 'callForProjects' | 'project') => {
    const value = after[key].trim();
    if (value !== before[key].trim()) patch[key] = value;
  };
  const orNull = (key: 'submissionDeadline' | 'reportDueOn' | 'notes') => {
    const value = after[key].trim();
    if (value !== before[key].trim()) patch[key] = value === '' ? null : value;
  };
  text('callForProjects');
  text('project');
  if (after.amountRequestedCents !== before.amountRequestedCents)
    patch.amountRequestedCents = after.amountRequestedCents;
  orNull('submissionDeadline');
  orNull('reportDueOn');
  if (after.centreId !== before.centreId) patch.centreId = after.centreId;
  orNull('notes');
  return patch;
}

/** The in-kind gifts that may still be passed on: those no goods disbursement lists. */
export function giftsToPassOn<T extends { id: string; kind: string }>(
  gifts: readonly T[],
  passedOnIds: readonly string[],
): T[] {
  const passed = new Set(passedOnIds.map((id) => id.toLowerCase()));
  return gifts.filter((g) => g.kind === 'in_kind' && !passed.has(g.id.toLowerCase()));
}

/** The codes of a sub-fund's refusals that belong to a field. */
export const SUB_FUND_CODES: Record<string, string> = { CODE_TAKEN: 'code' };

/** The codes of a goods disbursement's refusals that belong to the gifts chosen. */
export const GOODS_CODES: Record<string, string> = {
  ALREADY_PASSED_ON: 'donationIds',
  NOT_IN_KIND: 'donationIds',
};
