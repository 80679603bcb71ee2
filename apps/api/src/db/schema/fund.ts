import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
import { centres, organisations, partners } from './network.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });
/** Euro cents: bigint (a sum of years of gifts passes 2^31 cents), read as a JS number. */
const cents = (name: string) => bigint(name, { mode: 'number' });

/** The fund's identity printed on receipts (the beneficiary block of CERFA 11580). */
export const fundSettings = pgTable('fund_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  addressLine: text('address_line').notNull(),
  postcode: text('postcode').notNull(),
  city: text('city').notNull(),
  object: text('object').notNull(),
  status: text('status').notNull(),
  signerName: text('signer_name').notNull(),
  signerRole: text('signer_role').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

/** A bucket of the fund: unrestricted, restricted to a purpose, or the capital endowment. */
export const subFunds = pgTable(
  'sub_funds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    purpose: text('purpose'),
    centreId: uuid('centre_id').references(() => centres.id, { onDelete: 'restrict' }),
    /** Set for the sub-fund that receives a grant's instalments (no FK: grants point here). */
    grantId: uuid('grant_id'),
    consumable: boolean('consumable').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('sub_funds_organisation_code').on(t.organisationId, t.code),
    check('sub_funds_kind_check', sql`${t.kind} in ('unrestricted', 'restricted', 'endowment')`),
    check('sub_funds_consumable_check', sql`${t.kind} = 'endowment' or not ${t.consumable}`),
  ],
);

/** People and bodies who give. Erasure blanks the person and keeps the row for the accounts. */
export const donors = pgTable(
  'donors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    addressLine: text('address_line'),
    postcode: text('postcode'),
    city: text('city'),
    country: text('country'),
    siret: text('siret'),
    consentToContact: boolean('consent_to_contact').notNull().default(false),
    consentAt: tz('consent_at'),
    notes: text('notes'),
    /** Lower-cased name, e-mail and city without accents: what search matches. */
    searchKey: text('search_key').notNull(),
    erasedAt: tz('erased_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('donors_organisation_name_idx').on(t.organisationId, t.name),
    index('donors_email_idx').on(t.organisationId, t.email),
    check(
      'donors_kind_check',
      sql`${t.kind} in ('individual', 'company', 'foundation', 'public_body')`,
    ),
  ],
);

/** A batch of donations imported from one bank export. */
export const donationImports = pgTable('donation_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  fileName: text('file_name'),
  rows: integer('rows').notNull(),
  totalCents: cents('total_cents').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: tz('created_at').notNull().defaultNow(),
});

/** A gift of money or goods. Money also has a ledger entry; goods carry their valuation. */
export const donations = pgTable(
  'donations',
  {
    /** Values of the entity's custom fields, by key (see custom_field_definitions). */
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    donorId: uuid('donor_id').references(() => donors.id, { onDelete: 'restrict' }),
    receivedOn: date('received_on').notNull(),
    /** Money given, or the valuation of the goods. */
    amountCents: cents('amount_cents').notNull(),
    method: text('method'),
    subFundId: uuid('sub_fund_id').references(() => subFunds.id, { onDelete: 'restrict' }),
    reference: text('reference'),
    note: text('note'),
    importId: uuid('import_id').references(() => donationImports.id, { onDelete: 'restrict' }),
    // In kind:
    description: text('description'),
    category: text('category'),
    quantity: integer('quantity'),
    unit: text('unit'),
    condition: text('condition'),
    valuationMethod: text('valuation_method'),
    evidence: text('evidence'),
    centreId: uuid('centre_id').references(() => centres.id, { onDelete: 'restrict' }),
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'restrict' }),
    massGrams: bigint('mass_grams', { mode: 'number' }),
    circularStream: text('circular_stream'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('donations_organisation_received_idx').on(t.organisationId, t.receivedOn),
    index('donations_donor_idx').on(t.donorId, t.receivedOn),
    index('donations_centre_idx').on(t.centreId, t.receivedOn),
    // A bank reference is imported once.
    uniqueIndex('donations_reference_key')
      .on(t.organisationId, t.reference)
      .where(sql`${t.reference} is not null and ${t.kind} = 'money'`),
    check('donations_kind_check', sql`${t.kind} in ('money', 'in_kind')`),
    check('donations_amount_check', sql`${t.amountCents} > 0`),
    check(
      'donations_money_check',
      sql`${t.kind} <> 'money' or (${t.method} is not null and ${t.subFundId} is not null)`,
    ),
    check(
      'donations_in_kind_check',
      sql`${t.kind} <> 'in_kind' or (${t.description} is not null and ${t.category} is not null and ${t.quantity} > 0 and ${t.centreId} is not null and ${t.valuationMethod} is not null)`,
    ),
  ],
);

/** A grant asked from a foundation or a public body in answer to a call for projects. */
export const grants = pgTable(
  'grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => donors.id, { onDelete: 'restrict' }),
    callForProjects: text('call_for_projects').notNull(),
    project: text('project').notNull(),
    status: text('status').notNull().default('draft'),
    amountRequestedCents: cents('amount_requested_cents').notNull(),
    amountAwardedCents: cents('amount_awarded_cents'),
    submissionDeadline: date('submission_deadline'),
    submittedOn: date('submitted_on'),
    decisionOn: date('decision_on'),
    reportDueOn: date('report_due_on'),
    closedOn: date('closed_on'),
    centreId: uuid('centre_id').references(() => centres.id, { onDelete: 'restrict' }),
    subFundId: uuid('sub_fund_id').references(() => subFunds.id, { onDelete: 'restrict' }),
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('grants_organisation_status_idx').on(t.organisationId, t.status),
    check(
      'grants_status_check',
      sql`${t.status} in ('draft', 'submitted', 'awarded', 'rejected', 'report_due', 'closed')`,
    ),
    check('grants_requested_check', sql`${t.amountRequestedCents} > 0`),
    check(
      'grants_awarded_check',
      sql`${t.amountAwardedCents} is null or ${t.amountAwardedCents} > 0`,
    ),
  ],
);

/** An instalment of an awarded grant: expected, then received (with its ledger entry). */
export const grantInstalments = pgTable(
  'grant_instalments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id, { onDelete: 'restrict' }),
    expectedOn: date('expected_on').notNull(),
    amountCents: cents('amount_cents').notNull(),
    receivedOn: date('received_on'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('grant_instalments_grant_idx').on(t.grantId, t.expectedOn),
    check('grant_instalments_amount_check', sql`${t.amountCents} > 0`),
  ],
);

/** Money or goods given to a centre or a partner association, on a decision of the board. */
export const disbursements = pgTable(
  'disbursements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    centreId: uuid('centre_id').references(() => centres.id, { onDelete: 'restrict' }),
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'restrict' }),
    subFundId: uuid('sub_fund_id').references(() => subFunds.id, { onDelete: 'restrict' }),
    amountCents: cents('amount_cents').notNull(),
    purpose: text('purpose').notNull(),
    decisionOn: date('decision_on').notNull(),
    decisionRef: text('decision_ref').notNull(),
    paidOn: date('paid_on').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('disbursements_organisation_paid_idx').on(t.organisationId, t.paidOn),
    check('disbursements_kind_check', sql`${t.kind} in ('money', 'goods')`),
    check(
      'disbursements_beneficiary_check',
      sql`(${t.centreId} is null) <> (${t.partnerId} is null)`,
    ),
    check('disbursements_amount_check', sql`${t.amountCents} > 0`),
    check('disbursements_money_check', sql`${t.kind} <> 'money' or ${t.subFundId} is not null`),
  ],
);

/** In-kind donations passed on by a goods disbursement: each at most once. */
export const disbursementGoods = pgTable(
  'disbursement_goods',
  {
    disbursementId: uuid('disbursement_id')
      .notNull()
      .references(() => disbursements.id, { onDelete: 'restrict' }),
    donationId: uuid('donation_id')
      .notNull()
      .references(() => donations.id, { onDelete: 'restrict' })
      .unique('disbursement_goods_donation_key'),
  },
  (t) => [primaryKey({ columns: [t.disbursementId, t.donationId] })],
);

/**
 * The append-only ledger (triggers refuse UPDATE and DELETE). Signed cents on one sub-fund;
 * a correction names the entry it reverses, which can be reversed only once.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    subFundId: uuid('sub_fund_id')
      .notNull()
      .references(() => subFunds.id, { onDelete: 'restrict' }),
    occurredOn: date('occurred_on').notNull(),
    amountCents: cents('amount_cents').notNull(),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    donationId: uuid('donation_id').references(() => donations.id, { onDelete: 'restrict' }),
    grantInstalmentId: uuid('grant_instalment_id').references(() => grantInstalments.id, {
      onDelete: 'restrict',
    }),
    disbursementId: uuid('disbursement_id').references(() => disbursements.id, {
      onDelete: 'restrict',
    }),
    reversesId: uuid('reverses_id').unique('ledger_entries_reverses_key'),
    reason: text('reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('ledger_entries_fund_date_idx').on(t.subFundId, t.occurredOn),
    index('ledger_entries_organisation_date_idx').on(t.organisationId, t.occurredOn, t.createdAt),
    // A gift's entry is looked up per listed gift and per receipt (bench: GET /api/donations).
    index('ledger_entries_donation_idx').on(t.donationId),
    // The fund report's disbursements of a period: a few entries among the gifts of years.
    index('ledger_entries_outflow_date_idx')
      .on(t.organisationId, t.occurredOn)
      .where(sql`${t.kind} in ('disbursement', 'correction')`),
    check(
      'ledger_entries_kind_check',
      sql`${t.kind} in ('donation', 'grant_instalment', 'disbursement', 'correction')`,
    ),
    check('ledger_entries_amount_check', sql`${t.amountCents} <> 0`),
    check(
      'ledger_entries_correction_check',
      sql`(${t.kind} = 'correction') = (${t.reversesId} is not null and ${t.reason} is not null)`,
    ),
  ],
);

/**
 * The ledger summed per sub-fund and calendar month: a balance at a date is these sums for the
 * months before it plus the entries of its own month, at a cost that follows the sub-funds, not
 * the years of entries. Derived data, kept by a statement-level trigger on inserts into the
 * append-only ledger (migration 0019, which also fills it). No foreign keys: the entries hold them.
 */
export const ledgerMonthly = pgTable(
  'ledger_monthly',
  {
    organisationId: uuid('organisation_id').notNull(),
    subFundId: uuid('sub_fund_id').notNull(),
    /** The first day of the month. */
    month: date('month').notNull(),
    entries: integer('entries').notNull(),
    amountCents: cents('amount_cents').notNull(),
    /** The positive entries alone (the debits are amount_cents minus these; migration 0024). */
    creditsCents: cents('credits_cents').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.subFundId, t.month] })],
);

/**
 * The ledger's inflows (money gifts and grant instalments, a correction with the entry it
 * reverses) summed per calendar month, flow and donor — the gift's donor, or the grant's funder —
 * so the fund report reads whole months without looking up every entry's gift and donor. The
 * donor's kind is read at report time (it may change). Derived data, kept by triggers on the
 * append-only ledger and on the links a gift's donor or a grant's funder may change through
 * (migration 0021, which also fills it).
 */
export const fundInflowMonthly = pgTable(
  'fund_inflow_monthly',
  {
    organisationId: uuid('organisation_id').notNull(),
    /** The first day of the month. */
    month: date('month').notNull(),
    /** 'money' or 'grant'. */
    flow: text('flow').notNull(),
    /** null: an anonymous gift. */
    donorId: uuid('donor_id'),
    entries: integer('entries').notNull(),
    amountCents: cents('amount_cents').notNull(),
  },
  (t) => [
    unique('fund_inflow_monthly_key')
      .on(t.organisationId, t.month, t.flow, t.donorId)
      .nullsNotDistinct(),
    check('fund_inflow_monthly_flow_check', sql`${t.flow} in ('money', 'grant')`),
  ],
);

/** Last receipt number used per organisation and year: gap-free numbering under a row lock. */
export const receiptCounters = pgTable(
  'receipt_counters',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.year] })],
);

/**
 * A tax receipt. Never deleted (a trigger refuses it); a cancellation is recorded on it. The donor
 * and the fund as printed are kept as they were on the day of issue.
 */
export const receipts = pgTable(
  'receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    kind: text('kind').notNull(),
    donorId: uuid('donor_id')
      .notNull()
      .references(() => donors.id, { onDelete: 'restrict' }),
    issuedOn: date('issued_on').notNull(),
    totalCents: cents('total_cents').notNull(),
    moneyCents: cents('money_cents').notNull(),
    inKindCents: cents('in_kind_cents').notNull(),
    /** What the PDF prints: the donor, the fund, the gifts, as on the day of issue. */
    snapshot: jsonb('snapshot').notNull(),
    status: text('status').notNull().default('issued'),
    cancelledAt: tz('cancelled_at'),
    cancelReason: text('cancel_reason'),
    cancelledBy: uuid('cancelled_by').references(() => users.id, { onDelete: 'set null' }),
    replacesId: uuid('replaces_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('receipts_organisation_year_sequence').on(t.organisationId, t.year, t.sequence),
    unique('receipts_organisation_number').on(t.organisationId, t.number),
    index('receipts_donor_idx').on(t.donorId, t.issuedOn),
    check('receipts_kind_check', sql`${t.kind} in ('single', 'annual')`),
    check('receipts_status_check', sql`${t.status} in ('issued', 'cancelled')`),
    check(
      'receipts_cancel_check',
      sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null and ${t.cancelReason} is not null)`,
    ),
  ],
);

/** The gifts a receipt covers; a gift is on at most one live (not cancelled) receipt. */
export const receiptDonations = pgTable(
  'receipt_donations',
  {
    receiptId: uuid('receipt_id')
      .notNull()
      .references(() => receipts.id, { onDelete: 'restrict' }),
    donationId: uuid('donation_id')
      .notNull()
      .references(() => donations.id, { onDelete: 'restrict' }),
    live: boolean('live').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.receiptId, t.donationId] }),
    uniqueIndex('receipt_donations_live_key').on(t.donationId).where(sql`${t.live}`),
  ],
);
