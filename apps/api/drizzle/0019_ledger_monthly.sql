CREATE TABLE "ledger_monthly" (
	"organisation_id" uuid NOT NULL,
	"sub_fund_id" uuid NOT NULL,
	"month" date NOT NULL,
	"entries" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "ledger_monthly_organisation_id_sub_fund_id_month_pk" PRIMARY KEY("organisation_id","sub_fund_id","month")
);
--> statement-breakpoint
-- Adds each inserted statement's entries (COPY included) to their month's sums. The ledger is
-- append-only (ledger_entries_no_update_delete refuses UPDATE and DELETE), so inserts and a
-- TRUNCATE are the only changes to follow.
CREATE FUNCTION "ledger_monthly_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_monthly AS l (organisation_id, sub_fund_id, month, entries, amount_cents)
  SELECT n.organisation_id, n.sub_fund_id, date_trunc('month', n.occurred_on::timestamp)::date,
         count(*), sum(n.amount_cents)
    FROM new_rows n
   GROUP BY 1, 2, 3
   ORDER BY 1, 2, 3
  ON CONFLICT (organisation_id, sub_fund_id, month) DO UPDATE
     SET entries = l.entries + excluded.entries, amount_cents = l.amount_cents + excluded.amount_cents;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "ledger_monthly_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM ledger_monthly;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "ledger_entries_monthly_insert" AFTER INSERT ON "ledger_entries" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ledger_monthly_add"();--> statement-breakpoint
CREATE TRIGGER "ledger_entries_monthly_truncate" AFTER TRUNCATE ON "ledger_entries" FOR EACH STATEMENT EXECUTE FUNCTION "ledger_monthly_truncate"();--> statement-breakpoint
-- The entries already stored.
INSERT INTO "ledger_monthly" ("organisation_id", "sub_fund_id", "month", "entries", "amount_cents")
SELECT "organisation_id", "sub_fund_id", date_trunc('month', "occurred_on"::timestamp)::date, count(*), sum("amount_cents")
  FROM "ledger_entries" GROUP BY 1, 2, 3;
