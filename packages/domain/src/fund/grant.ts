import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { uuid } from '../shared/ids.ts';
import { pageQuery } from '../shared/pagination.ts';
import { positiveCents } from './money.ts';

const localDate = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });

/** A grant's life: draft → submitted → awarded or rejected → report due → closed. */
export const grantStatuses = [
  'draft',
  'submitted',
  'awarded',
  'rejected',
  'report_due',
  'closed',
] as const;
export type GrantStatus = (typeof grantStatuses)[number];

export const GRANT_STATUS_LABELS: Record<GrantStatus, string> = {
  draft: 'En préparation',
  submitted: 'Déposée',
  awarded: 'Accordée',
  rejected: 'Refusée',
  report_due: 'Bilan à rendre',
  closed: 'Clôturée',
};

/** The moves a grant may make; `closed` from a draft means the call was let go. */
export const GRANT_MOVES: Record<GrantStatus, readonly GrantStatus[]> = {
  draft: ['submitted', 'closed'],
  submitted: ['awarded', 'rejected'],
  awarded: ['report_due'],
  rejected: ['closed'],
  report_due: ['closed'],
  closed: [],
};

/** The fields of a grant application, without defaults (a patch changes only what it sends). */
const grantFields = {
  callForProjects: z
    .string({ error: 'Indiquez l’appel à projets.' })
    .trim()
    .min(3, { error: 'L’appel à projets compte au moins 3 caractères.' })
    .max(200, { error: 'L’appel à projets compte au plus 200 caractères.' }),
  project: z
    .string({ error: 'Indiquez le projet.' })
    .trim()
    .min(3, { error: 'Le projet compte au moins 3 caractères.' })
    .max(200, { error: 'Le projet compte au plus 200 caractères.' }),
  amountRequestedCents: positiveCents,
  submissionDeadline: localDate.nullable(),
  reportDueOn: localDate.nullable(),
  centreId: uuid.nullable().describe('The centre the project serves, if one.'),
  notes: z.string().trim().max(2000).nullable(),
};

export const grantInput = z.object({
  funderId: uuid.describe('A donor of kind foundation or public body.'),
  ...grantFields,
  submissionDeadline: grantFields.submissionDeadline.default(null),
  reportDueOn: grantFields.reportDueOn.default(null),
  centreId: grantFields.centreId.default(null),
  notes: grantFields.notes.default(null),
});
export type GrantInput = z.infer<typeof grantInput>;

/** A change to a grant: only the fields sent; an absent field is left as it is. */
export const grantPatch = z.object(grantFields).partial();

export const grantMoveInput = z.object({
  to: z.enum(grantStatuses, { error: 'Statut inconnu.' }),
  on: localDate.describe('Date of the move: submission, decision, report sent…'),
  amountAwardedCents: positiveCents.optional().describe('Required to award.'),
  reportDueOn: localDate.optional().describe('Required when the report becomes due.'),
  note: z.string().trim().max(1000).optional(),
});
export type GrantMoveInput = z.infer<typeof grantMoveInput>;

export const instalmentInput = z.object({
  expectedOn: localDate,
  amountCents: positiveCents,
});
export const instalmentReceiptInput = z.object({ receivedOn: localDate });

export const grantInstalment = z.object({
  id: uuid,
  expectedOn: z.string(),
  amountCents: z.number().int(),
  receivedOn: z.string().nullable(),
  ledgerEntryId: z.string().nullable(),
});

export const grant = z
  .object({
    id: uuid,
    funderId: z.string(),
    funderName: z.string(),
    callForProjects: z.string(),
    project: z.string(),
    status: z.enum(grantStatuses),
    amountRequestedCents: z.number().int(),
    amountAwardedCents: z.number().int().nullable(),
    receivedCents: z.number().int().describe('Instalments received so far.'),
    submissionDeadline: z.string().nullable(),
    submittedOn: z.string().nullable(),
    decisionOn: z.string().nullable(),
    reportDueOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    centreId: z.string().nullable(),
    subFundId: z.string().nullable().describe('Restricted sub-fund that receives the instalments.'),
    notes: z.string().nullable(),
    instalments: z.array(grantInstalment),
    createdAt: z.string(),
  })
  .meta({ id: 'Grant' });
export type Grant = z.infer<typeof grant>;

export const grantListQuery = pageQuery.extend({
  status: z.enum(grantStatuses, { error: 'Statut inconnu.' }).optional(),
  funderId: uuid.optional(),
});

export interface GrantFacts {
  status: GrantStatus;
  amountRequestedCents: number;
  amountAwardedCents: number | null;
}

export type MoveVerdict =
  | { ok: true }
  | { ok: false; code: string; reason: string; field?: string };

/** Whether a grant may move as asked, with what the move must bring. */
export function judgeGrantMove(grant: GrantFacts, move: GrantMoveInput): MoveVerdict {
  if (!GRANT_MOVES[grant.status].includes(move.to)) {
    return {
      ok: false,
      code: 'BAD_TRANSITION',
      reason: `Une demande « ${GRANT_STATUS_LABELS[grant.status]} » ne peut pas passer à « ${GRANT_STATUS_LABELS[move.to]} ».`,
    };
  }
  if (move.to === 'awarded' && move.amountAwardedCents === undefined) {
    return {
      ok: false,
      code: 'AMOUNT_REQUIRED',
      field: 'amountAwardedCents',
      reason: 'Indiquez le montant accordé.',
    };
  }
  if (move.to === 'report_due' && move.reportDueOn === undefined) {
    return {
      ok: false,
      code: 'REPORT_DATE_REQUIRED',
      field: 'reportDueOn',
      reason: 'Indiquez la date à laquelle le bilan est dû.',
    };
  }
  return { ok: true };
}

/** Whether instalments (expected, with one more) stay within what was awarded. */
export function instalmentVerdict(
  awardedCents: number | null,
  scheduledCents: readonly number[],
  addedCents: number,
): MoveVerdict {
  if (awardedCents === null) {
    return {
      ok: false,
      code: 'NOT_AWARDED',
      reason: 'Les versements se prévoient une fois la subvention accordée.',
    };
  }
  const total = scheduledCents.reduce((a, b) => a + b, 0) + addedCents;
  if (total > awardedCents) {
    return {
      ok: false,
      code: 'OVER_AWARDED',
      field: 'amountCents',
      reason: 'Les versements prévus dépasseraient le montant accordé.',
    };
  }
  return { ok: true };
}

export const deadlineKinds = ['submission', 'report', 'instalment'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export interface Deadline {
  grantId: string;
  kind: DeadlineKind;
  date: string;
  overdue: boolean;
  amountCents: number | null;
}

export const deadline = z
  .object({
    grantId: uuid,
    funderName: z.string(),
    project: z.string(),
    kind: z.enum(deadlineKinds),
    date: z.string(),
    overdue: z.boolean(),
    amountCents: z.number().int().nullable(),
  })
  .meta({ id: 'GrantDeadline' });

export interface DeadlineSource {
  id: string;
  status: GrantStatus;
  submissionDeadline: string | null;
  reportDueOn: string | null;
  instalments: readonly { expectedOn: string; amountCents: number; receivedOn: string | null }[];
}

/**
 * What is due up to `days` days after `today`, soonest first, with what is already late:
 * a draft's submission, an awarded grant's report, an instalment still expected.
 */
export function dueWithin(grants: readonly DeadlineSource[], today: string, days = 60): Deadline[] {
  const until = Temporal.PlainDate.from(today).add({ days }).toString();
  const out: Deadline[] = [];
  const push = (
    grantId: string,
    kind: DeadlineKind,
    date: string | null,
    amount: number | null,
  ) => {
    if (date && date <= until)
      out.push({ grantId, kind, date, overdue: date < today, amountCents: amount });
  };
  for (const g of grants) {
    if (g.status === 'draft') push(g.id, 'submission', g.submissionDeadline, null);
    if (g.status === 'awarded' || g.status === 'report_due') {
      push(g.id, 'report', g.reportDueOn, null);
      for (const i of g.instalments)
        if (!i.receivedOn) push(g.id, 'instalment', i.expectedOn, i.amountCents);
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}
