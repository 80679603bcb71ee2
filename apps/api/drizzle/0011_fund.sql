CREATE TABLE "disbursement_goods" (
	"disbursement_id" uuid NOT NULL,
	"donation_id" uuid NOT NULL,
	CONSTRAINT "disbursement_goods_disbursement_id_donation_id_pk" PRIMARY KEY("disbursement_id","donation_id"),
	CONSTRAINT "disbursement_goods_donation_key" UNIQUE("donation_id")
);
--> statement-breakpoint
CREATE TABLE "disbursements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"centre_id" uuid,
	"partner_id" uuid,
	"sub_fund_id" uuid,
	"amount_cents" bigint NOT NULL,
	"purpose" text NOT NULL,
	"decision_on" date NOT NULL,
	"decision_ref" text NOT NULL,
	"paid_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disbursements_kind_check" CHECK ("disbursements"."kind" in ('money', 'goods')),
	CONSTRAINT "disbursements_beneficiary_check" CHECK (("disbursements"."centre_id" is null) <> ("disbursements"."partner_id" is null)),
	CONSTRAINT "disbursements_amount_check" CHECK ("disbursements"."amount_cents" > 0),
	CONSTRAINT "disbursements_money_check" CHECK ("disbursements"."kind" <> 'money' or "disbursements"."sub_fund_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "donation_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"file_name" text,
	"rows" integer NOT NULL,
	"total_cents" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "donations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"donor_id" uuid,
	"received_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"method" text,
	"sub_fund_id" uuid,
	"reference" text,
	"note" text,
	"import_id" uuid,
	"description" text,
	"category" text,
	"quantity" integer,
	"unit" text,
	"condition" text,
	"valuation_method" text,
	"evidence" text,
	"centre_id" uuid,
	"partner_id" uuid,
	"mass_grams" bigint,
	"circular_stream" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donations_kind_check" CHECK ("donations"."kind" in ('money', 'in_kind')),
	CONSTRAINT "donations_amount_check" CHECK ("donations"."amount_cents" > 0),
	CONSTRAINT "donations_money_check" CHECK ("donations"."kind" <> 'money' or ("donations"."method" is not null and "donations"."sub_fund_id" is not null)),
	CONSTRAINT "donations_in_kind_check" CHECK ("donations"."kind" <> 'in_kind' or ("donations"."description" is not null and "donations"."category" is not null and "donations"."quantity" > 0 and "donations"."centre_id" is not null and "donations"."valuation_method" is not null))
);
--> statement-breakpoint
CREATE TABLE "donors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"address_line" text,
	"postcode" text,
	"city" text,
	"country" text,
	"siret" text,
	"consent_to_contact" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"notes" text,
	"search_key" text NOT NULL,
	"erased_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donors_kind_check" CHECK ("donors"."kind" in ('individual', 'company', 'foundation', 'public_body'))
);
--> statement-breakpoint
CREATE TABLE "fund_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"address_line" text NOT NULL,
	"postcode" text NOT NULL,
	"city" text NOT NULL,
	"object" text NOT NULL,
	"status" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_role" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_instalments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"expected_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"received_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_instalments_amount_check" CHECK ("grant_instalments"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"funder_id" uuid NOT NULL,
	"call_for_projects" text NOT NULL,
	"project" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"amount_requested_cents" bigint NOT NULL,
	"amount_awarded_cents" bigint,
	"submission_deadline" date,
	"submitted_on" date,
	"decision_on" date,
	"report_due_on" date,
	"closed_on" date,
	"centre_id" uuid,
	"sub_fund_id" uuid,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grants_status_check" CHECK ("grants"."status" in ('draft', 'submitted', 'awarded', 'rejected', 'report_due', 'closed')),
	CONSTRAINT "grants_requested_check" CHECK ("grants"."amount_requested_cents" > 0),
	CONSTRAINT "grants_awarded_check" CHECK ("grants"."amount_awarded_cents" is null or "grants"."amount_awarded_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sub_fund_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"donation_id" uuid,
	"grant_instalment_id" uuid,
	"disbursement_id" uuid,
	"reverses_id" uuid,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_reverses_key" UNIQUE("reverses_id"),
	CONSTRAINT "ledger_entries_kind_check" CHECK ("ledger_entries"."kind" in ('donation', 'grant_instalment', 'disbursement', 'correction')),
	CONSTRAINT "ledger_entries_amount_check" CHECK ("ledger_entries"."amount_cents" <> 0),
	CONSTRAINT "ledger_entries_correction_check" CHECK (("ledger_entries"."kind" = 'correction') = ("ledger_entries"."reverses_id" is not null and "ledger_entries"."reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "receipt_counters" (
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_sequence" integer NOT NULL,
	CONSTRAINT "receipt_counters_organisation_id_year_pk" PRIMARY KEY("organisation_id","year")
);
--> statement-breakpoint
CREATE TABLE "receipt_donations" (
	"receipt_id" uuid NOT NULL,
	"donation_id" uuid NOT NULL,
	"live" boolean DEFAULT true NOT NULL,
	CONSTRAINT "receipt_donations_receipt_id_donation_id_pk" PRIMARY KEY("receipt_id","donation_id")
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"donor_id" uuid NOT NULL,
	"issued_on" date NOT NULL,
	"total_cents" bigint NOT NULL,
	"money_cents" bigint NOT NULL,
	"in_kind_cents" bigint NOT NULL,
	"snapshot" jsonb NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"cancelled_by" uuid,
	"replaces_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "receipts_organisation_year_sequence" UNIQUE("organisation_id","year","sequence"),
	CONSTRAINT "receipts_organisation_number" UNIQUE("organisation_id","number"),
	CONSTRAINT "receipts_kind_check" CHECK ("receipts"."kind" in ('single', 'annual')),
	CONSTRAINT "receipts_status_check" CHECK ("receipts"."status" in ('issued', 'cancelled')),
	CONSTRAINT "receipts_cancel_check" CHECK (("receipts"."status" = 'cancelled') = ("receipts"."cancelled_at" is not null and "receipts"."cancel_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "sub_funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"purpose" text,
	"centre_id" uuid,
	"grant_id" uuid,
	"consumable" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sub_funds_organisation_code" UNIQUE("organisation_id","code"),
	CONSTRAINT "sub_funds_kind_check" CHECK ("sub_funds"."kind" in ('unrestricted', 'restricted', 'endowment')),
	CONSTRAINT "sub_funds_consumable_check" CHECK ("sub_funds"."kind" = 'endowment' or not "sub_funds"."consumable")
);
--> statement-breakpoint
ALTER TABLE "disbursement_goods" ADD CONSTRAINT "disbursement_goods_disbursement_id_disbursements_id_fk" FOREIGN KEY ("disbursement_id") REFERENCES "public"."disbursements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursement_goods" ADD CONSTRAINT "disbursement_goods_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_sub_fund_id_sub_funds_id_fk" FOREIGN KEY ("sub_fund_id") REFERENCES "public"."sub_funds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_imports" ADD CONSTRAINT "donation_imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_imports" ADD CONSTRAINT "donation_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_donor_id_donors_id_fk" FOREIGN KEY ("donor_id") REFERENCES "public"."donors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_sub_fund_id_sub_funds_id_fk" FOREIGN KEY ("sub_fund_id") REFERENCES "public"."sub_funds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_import_id_donation_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."donation_imports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donors" ADD CONSTRAINT "donors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donors" ADD CONSTRAINT "donors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_settings" ADD CONSTRAINT "fund_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_instalments" ADD CONSTRAINT "grant_instalments_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_funder_id_donors_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."donors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_sub_fund_id_sub_funds_id_fk" FOREIGN KEY ("sub_fund_id") REFERENCES "public"."sub_funds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_sub_fund_id_sub_funds_id_fk" FOREIGN KEY ("sub_fund_id") REFERENCES "public"."sub_funds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_grant_instalment_id_grant_instalments_id_fk" FOREIGN KEY ("grant_instalment_id") REFERENCES "public"."grant_instalments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_disbursement_id_disbursements_id_fk" FOREIGN KEY ("disbursement_id") REFERENCES "public"."disbursements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_counters" ADD CONSTRAINT "receipt_counters_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_donations" ADD CONSTRAINT "receipt_donations_receipt_id_receipts_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "public"."receipts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_donations" ADD CONSTRAINT "receipt_donations_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_donor_id_donors_id_fk" FOREIGN KEY ("donor_id") REFERENCES "public"."donors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_funds" ADD CONSTRAINT "sub_funds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_funds" ADD CONSTRAINT "sub_funds_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_funds" ADD CONSTRAINT "sub_funds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disbursements_organisation_paid_idx" ON "disbursements" USING btree ("organisation_id","paid_on");--> statement-breakpoint
CREATE INDEX "donations_organisation_received_idx" ON "donations" USING btree ("organisation_id","received_on");--> statement-breakpoint
CREATE INDEX "donations_donor_idx" ON "donations" USING btree ("donor_id","received_on");--> statement-breakpoint
CREATE INDEX "donations_centre_idx" ON "donations" USING btree ("centre_id","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "donations_reference_key" ON "donations" USING btree ("organisation_id","reference") WHERE "donations"."reference" is not null and "donations"."kind" = 'money';--> statement-breakpoint
CREATE INDEX "donors_organisation_name_idx" ON "donors" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "donors_email_idx" ON "donors" USING btree ("organisation_id","email");--> statement-breakpoint
CREATE INDEX "grant_instalments_grant_idx" ON "grant_instalments" USING btree ("grant_id","expected_on");--> statement-breakpoint
CREATE INDEX "grants_organisation_status_idx" ON "grants" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "ledger_entries_fund_date_idx" ON "ledger_entries" USING btree ("sub_fund_id","occurred_on");--> statement-breakpoint
CREATE INDEX "ledger_entries_organisation_date_idx" ON "ledger_entries" USING btree ("organisation_id","occurred_on","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "receipt_donations_live_key" ON "receipt_donations" USING btree ("donation_id") WHERE "receipt_donations"."live";--> statement-breakpoint
CREATE INDEX "receipts_donor_idx" ON "receipts" USING btree ("donor_id","issued_on");--> statement-breakpoint
-- The ledger is append-only: a mistake is corrected by a reversing entry, never by an edit.
CREATE FUNCTION "ledger_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger entries are append-only: % refused', TG_OP USING ERRCODE = 'P0001';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "ledger_entries_no_update_delete" BEFORE UPDATE OR DELETE ON "ledger_entries" FOR EACH ROW EXECUTE FUNCTION "ledger_entries_append_only"();--> statement-breakpoint
-- A receipt is never deleted, and once issued only its cancellation may be written on it.
CREATE FUNCTION "receipts_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'receipts are never deleted' USING ERRCODE = 'P0001';
  END IF;
  IF NEW.number <> OLD.number OR NEW.year <> OLD.year OR NEW.sequence <> OLD.sequence
     OR NEW.total_cents <> OLD.total_cents OR NEW.snapshot <> OLD.snapshot
     OR NEW.donor_id <> OLD.donor_id OR OLD.status = 'cancelled' THEN
    RAISE EXCEPTION 'a receipt may only be cancelled, once' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "receipts_no_delete_no_rewrite" BEFORE UPDATE OR DELETE ON "receipts" FOR EACH ROW EXECUTE FUNCTION "receipts_keep"();
