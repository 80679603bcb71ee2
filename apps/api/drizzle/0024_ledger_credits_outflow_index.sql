ALTER TABLE "ledger_monthly" ADD COLUMN "credits_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "ledger_entries_outflow_date_idx" ON "ledger_entries" USING btree ("organisation_id","occurred_on") WHERE "ledger_entries"."kind" in ('disbursement', 'correction');--> statement-breakpoint
-- ledger_monthly_add (0019) now sums the positive entries too: the fund report's credits and
-- debits of a period read whole months here instead of every entry.
CREATE OR REPLACE FUNCTION "ledger_monthly_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_monthly AS l (organisation_id, sub_fund_id, month, entries, amount_cents, credits_cents)
  SELECT n.organisation_id, n.sub_fund_id, date_trunc('month', n.occurred_on::timestamp)::date,
         count(*), sum(n.amount_cents), sum(greatest(n.amount_cents, 0))
    FROM new_rows n
   GROUP BY 1, 2, 3
   ORDER BY 1, 2, 3
  ON CONFLICT (organisation_id, sub_fund_id, month) DO UPDATE
     SET entries = l.entries + excluded.entries, amount_cents = l.amount_cents + excluded.amount_cents,
         credits_cents = l.credits_cents + excluded.credits_cents;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The credits of the entries already stored.
UPDATE "ledger_monthly" AS l SET "credits_cents" = c.credits
  FROM (SELECT "organisation_id", "sub_fund_id", date_trunc('month', "occurred_on"::timestamp)::date AS month,
               sum(greatest("amount_cents", 0)) AS credits
          FROM "ledger_entries" GROUP BY 1, 2, 3) AS c
 WHERE l."organisation_id" = c."organisation_id" AND l."sub_fund_id" = c."sub_fund_id" AND l."month" = c.month;
