CREATE TABLE "fund_inflow_monthly" (
	"organisation_id" uuid NOT NULL,
	"month" date NOT NULL,
	"flow" text NOT NULL,
	"donor_id" uuid,
	"entries" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "fund_inflow_monthly_key" UNIQUE NULLS NOT DISTINCT("organisation_id","month","flow","donor_id"),
	CONSTRAINT "fund_inflow_monthly_flow_check" CHECK ("fund_inflow_monthly"."flow" in ('money', 'grant'))
);
--> statement-breakpoint
-- Adds each inserted statement's inflow entries (COPY included) to their month's sums: money
-- gifts (flow 'money') and grant instalments ('grant'), and a correction with the kind of the
-- entry it reverses; the donor is the gift's, or else the grant's funder (null: an anonymous
-- gift). The rule is the fund report's own (`inflowRows` in src/reports/fund.queries.ts). The
-- ledger is append-only (ledger_entries_no_update_delete), so inserts and a TRUNCATE are its
-- only changes; the entries' links to a donor are followed by the triggers below.
CREATE FUNCTION "fund_inflow_monthly_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO fund_inflow_monthly AS s (organisation_id, month, flow, donor_id, entries, amount_cents)
  SELECT n.organisation_id, date_trunc('month', n.occurred_on::timestamp)::date,
         CASE coalesce(o.kind, n.kind) WHEN 'donation' THEN 'money' ELSE 'grant' END,
         coalesce(gift.donor_id, gr.funder_id), count(*), sum(n.amount_cents)
    FROM new_rows n
    LEFT JOIN ledger_entries o ON o.id = n.reverses_id
    LEFT JOIN donations gift ON gift.id = coalesce(n.donation_id, o.donation_id)
    LEFT JOIN grant_instalments gi ON gi.id = coalesce(n.grant_instalment_id, o.grant_instalment_id)
    LEFT JOIN grants gr ON gr.id = gi.grant_id
   WHERE n.kind IN ('donation', 'grant_instalment')
      OR (n.kind = 'correction' AND o.kind IN ('donation', 'grant_instalment'))
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT fund_inflow_monthly_key DO UPDATE
     SET entries = s.entries + excluded.entries, amount_cents = s.amount_cents + excluded.amount_cents;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "fund_inflow_monthly_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM fund_inflow_monthly;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "ledger_entries_inflow_monthly_insert" AFTER INSERT ON "ledger_entries" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "fund_inflow_monthly_add"();--> statement-breakpoint
CREATE TRIGGER "ledger_entries_inflow_monthly_truncate" AFTER TRUNCATE ON "ledger_entries" FOR EACH STATEMENT EXECUTE FUNCTION "fund_inflow_monthly_truncate"();--> statement-breakpoint
-- Adds `n` entries and `cents` to one month's sums; a row left with no entry is removed (the
-- report must not show a donor type or a month that no entry has).
CREATE FUNCTION "fund_inflow_monthly_shift"(o uuid, m date, f text, d uuid, n integer, cents bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO fund_inflow_monthly AS s (organisation_id, month, flow, donor_id, entries, amount_cents)
  VALUES (o, m, f, d, n, cents)
  ON CONFLICT ON CONSTRAINT fund_inflow_monthly_key DO UPDATE
     SET entries = s.entries + excluded.entries, amount_cents = s.amount_cents + excluded.amount_cents;
  DELETE FROM fund_inflow_monthly
   WHERE organisation_id = o AND month = m AND flow = f AND donor_id IS NOT DISTINCT FROM d
     AND entries = 0;
END $$;
--> statement-breakpoint
-- Moves the sums of the entries whose donor changed with one row of donations (donor_id), grants
-- (funder_id) or grant_instalments (grant_id): the entries naming the gift or instalment, and
-- the corrections reversing them (which count with the entry they reverse). Nothing in the API
-- changes these links today (erasure blanks the donor's row and keeps its id; the foreign keys
-- refuse deletes): these follow a change made by hand, a future merge of donors, or a foreign
-- key given an ON DELETE SET NULL action. Before the change an entry's donor was its gift's donor
-- or else its grant's funder with the changed row's old value; after it, the same read now.
CREATE FUNCTION "fund_inflow_monthly_relink"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  changed_gift uuid;
  gift_donor_was uuid;
  changed_grant uuid;
  changed_instalment uuid;
  funder_was uuid;
  r record;
BEGIN
  IF TG_TABLE_NAME = 'donations' THEN
    changed_gift := NEW.id;
    gift_donor_was := OLD.donor_id;
    ids := array(SELECT id FROM ledger_entries WHERE donation_id = NEW.id);
  ELSIF TG_TABLE_NAME = 'grants' THEN
    changed_grant := NEW.id;
    funder_was := OLD.funder_id;
    ids := array(SELECT e.id FROM ledger_entries e
                   JOIN grant_instalments gi ON gi.id = e.grant_instalment_id
                  WHERE gi.grant_id = NEW.id);
  ELSE
    changed_instalment := NEW.id;
    funder_was := (SELECT funder_id FROM grants WHERE id = OLD.grant_id);
    ids := array(SELECT id FROM ledger_entries WHERE grant_instalment_id = NEW.id);
  END IF;
  ids := ids || array(SELECT id FROM ledger_entries WHERE reverses_id = ANY (ids));
  FOR r IN
    SELECT x.organisation_id, x.month, x.flow, x.was, x.now, count(*)::integer AS n,
           sum(x.amount_cents)::bigint AS cents
      FROM (SELECT e.organisation_id, date_trunc('month', e.occurred_on::timestamp)::date AS month,
                   CASE coalesce(o.kind, e.kind) WHEN 'donation' THEN 'money' ELSE 'grant' END AS flow,
                   coalesce(CASE WHEN gift.id = changed_gift THEN gift_donor_was ELSE gift.donor_id END,
                            CASE WHEN gr.id = changed_grant OR gi.id = changed_instalment
                                 THEN funder_was ELSE gr.funder_id END) AS was,
                   coalesce(gift.donor_id, gr.funder_id) AS now,
                   e.amount_cents
              FROM ledger_entries e
              LEFT JOIN ledger_entries o ON o.id = e.reverses_id
              LEFT JOIN donations gift ON gift.id = coalesce(e.donation_id, o.donation_id)
              LEFT JOIN grant_instalments gi ON gi.id = coalesce(e.grant_instalment_id, o.grant_instalment_id)
              LEFT JOIN grants gr ON gr.id = gi.grant_id
             WHERE e.id = ANY (ids)
               AND (e.kind IN ('donation', 'grant_instalment')
                    OR (e.kind = 'correction' AND o.kind IN ('donation', 'grant_instalment')))) x
     WHERE x.was IS DISTINCT FROM x.now
     GROUP BY 1, 2, 3, 4, 5
     ORDER BY 1, 2, 3, 4, 5
  LOOP
    PERFORM fund_inflow_monthly_shift(r.organisation_id, r.month, r.flow, r.was, -r.n, -r.cents);
    PERFORM fund_inflow_monthly_shift(r.organisation_id, r.month, r.flow, r.now, r.n, r.cents);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "donations_inflow_monthly_donor" AFTER UPDATE OF "donor_id" ON "donations" FOR EACH ROW WHEN (OLD."donor_id" IS DISTINCT FROM NEW."donor_id") EXECUTE FUNCTION "fund_inflow_monthly_relink"();--> statement-breakpoint
CREATE TRIGGER "grants_inflow_monthly_funder" AFTER UPDATE OF "funder_id" ON "grants" FOR EACH ROW WHEN (OLD."funder_id" IS DISTINCT FROM NEW."funder_id") EXECUTE FUNCTION "fund_inflow_monthly_relink"();--> statement-breakpoint
CREATE TRIGGER "grant_instalments_inflow_monthly_grant" AFTER UPDATE OF "grant_id" ON "grant_instalments" FOR EACH ROW WHEN (OLD."grant_id" IS DISTINCT FROM NEW."grant_id") EXECUTE FUNCTION "fund_inflow_monthly_relink"();--> statement-breakpoint
-- The entries already stored.
INSERT INTO "fund_inflow_monthly" ("organisation_id", "month", "flow", "donor_id", "entries", "amount_cents")
SELECT e."organisation_id", date_trunc('month', e."occurred_on"::timestamp)::date,
       CASE coalesce(o."kind", e."kind") WHEN 'donation' THEN 'money' ELSE 'grant' END,
       coalesce(gift."donor_id", gr."funder_id"), count(*), sum(e."amount_cents")
  FROM "ledger_entries" e
  LEFT JOIN "ledger_entries" o ON o."id" = e."reverses_id"
  LEFT JOIN "donations" gift ON gift."id" = coalesce(e."donation_id", o."donation_id")
  LEFT JOIN "grant_instalments" gi ON gi."id" = coalesce(e."grant_instalment_id", o."grant_instalment_id")
  LEFT JOIN "grants" gr ON gr."id" = gi."grant_id"
 WHERE e."kind" IN ('donation', 'grant_instalment')
    OR (e."kind" = 'correction' AND o."kind" IN ('donation', 'grant_instalment'))
 GROUP BY 1, 2, 3, 4;
