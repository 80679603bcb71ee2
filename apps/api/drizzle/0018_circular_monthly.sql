CREATE TABLE "circular_monthly" (
	"month" date NOT NULL,
	"centre_id" uuid NOT NULL,
	"stream_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"measurement" text NOT NULL,
	"treatment" text,
	"operation_code" text,
	"movements" integer NOT NULL,
	"grams" bigint NOT NULL,
	CONSTRAINT "circular_monthly_key" UNIQUE NULLS NOT DISTINCT("month","centre_id","stream_id","kind","measurement","treatment","operation_code"),
	CONSTRAINT "circular_monthly_kind_check" CHECK ("circular_monthly"."kind" in ('inflow', 'reuse', 'outflow'))
);
--> statement-breakpoint
CREATE INDEX "circular_monthly_empty_idx" ON "circular_monthly" USING btree ("month") WHERE "circular_monthly"."movements" = 0;--> statement-breakpoint
-- Keeps circular_monthly in step with one movement table (TG_ARGV[0]: its kind), once per
-- statement from its transition tables: an INSERT (COPY included) adds its rows, a DELETE takes
-- them away, an UPDATE takes the old rows away and adds the new ones (a stream merge moves the
-- sums; a change that leaves every sum as it was writes nothing). Months are the calendar
-- months of `occurred_on`. Dynamic SQL because a statement naming a transition table the
-- trigger does not have (old_rows on INSERT) cannot be planned.
CREATE FUNCTION "circular_monthly_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols text := CASE WHEN TG_TABLE_NAME = 'circular_outflows'
    THEN 'occurred_on, centre_id, stream_id, measurement, treatment, operation_code, mass_grams'
    ELSE 'occurred_on, centre_id, stream_id, measurement, null::text, null::text, mass_grams' END;
  src text := CASE TG_OP
    WHEN 'INSERT' THEN format('select %s, 1 from new_rows', cols)
    WHEN 'DELETE' THEN format('select %s, -1 from old_rows', cols)
    ELSE format('select %s, 1 from new_rows union all select %s, -1 from old_rows', cols, cols) END;
BEGIN
  EXECUTE format($q$
    insert into circular_monthly as c
      (month, centre_id, stream_id, kind, measurement, treatment, operation_code, movements, grams)
    select date_trunc('month', d.occurred_on::timestamp)::date, d.centre_id, d.stream_id, %L,
           d.measurement, d.treatment, d.operation_code, sum(d.sign), sum(d.sign * d.mass_grams)
      from (%s) as d (occurred_on, centre_id, stream_id, measurement, treatment, operation_code,
                      mass_grams, sign)
     group by 1, 2, 3, 5, 6, 7
    having sum(d.sign) <> 0 or sum(d.sign * d.mass_grams) <> 0
     order by 1, 2, 3, 5, 6, 7
    on conflict on constraint circular_monthly_key do update
       set movements = c.movements + excluded.movements, grams = c.grams + excluded.grams$q$,
    TG_ARGV[0], src);
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM circular_monthly WHERE movements = 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "circular_monthly_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM circular_monthly WHERE kind = TG_ARGV[0];
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "circular_inflows_monthly_insert" AFTER INSERT ON "circular_inflows" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "circular_monthly_keep"('inflow');--> statement-breakpoint
CREATE TRIGGER "circular_inflows_monthly_update" AFTER UPDATE ON "circular_inflows" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "circular_monthly_keep"('inflow');--> statement-breakpoint
CREATE TRIGGER "circular_inflows_monthly_delete" AFTER DELETE ON "circular_inflows" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "circular_monthly_keep"('inflow');--> statement-breakpoint
CREATE TRIGGER "circular_inflows_monthly_truncate" AFTER TRUNCATE ON "circular_inflows" FOR EACH STATEMENT EXECUTE FUNCTION "circular_monthly_truncate"('inflow');--> statement-breakpoint
CREATE TRIGGER "circular_reuses_monthly_insert" AFTER INSERT ON "circular_reuses" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "circular_monthly_keep"('reuse');--> statement-breakpoint
CREATE TRIGGER "circular_reuses_monthly_update" AFTER UPDATE ON "circular_reuses" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "circular_monthly_keep"('reuse');--> statement-breakpoint
CREATE TRIGGER "circular_reuses_monthly_delete" AFTER DELETE ON "circular_reuses" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "circular_monthly_keep"('reuse');--> statement-breakpoint
CREATE TRIGGER "circular_reuses_monthly_truncate" AFTER TRUNCATE ON "circular_reuses" FOR EACH STATEMENT EXECUTE FUNCTION "circular_monthly_truncate"('reuse');--> statement-breakpoint
CREATE TRIGGER "circular_outflows_monthly_insert" AFTER INSERT ON "circular_outflows" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "circular_monthly_keep"('outflow');--> statement-breakpoint
CREATE TRIGGER "circular_outflows_monthly_update" AFTER UPDATE ON "circular_outflows" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "circular_monthly_keep"('outflow');--> statement-breakpoint
CREATE TRIGGER "circular_outflows_monthly_delete" AFTER DELETE ON "circular_outflows" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "circular_monthly_keep"('outflow');--> statement-breakpoint
CREATE TRIGGER "circular_outflows_monthly_truncate" AFTER TRUNCATE ON "circular_outflows" FOR EACH STATEMENT EXECUTE FUNCTION "circular_monthly_truncate"('outflow');--> statement-breakpoint
-- The movements already stored.
INSERT INTO "circular_monthly" ("month", "centre_id", "stream_id", "kind", "measurement", "treatment", "operation_code", "movements", "grams")
SELECT date_trunc('month', "occurred_on"::timestamp)::date, "centre_id", "stream_id", 'inflow', "measurement", NULL, NULL, count(*), sum("mass_grams")
  FROM "circular_inflows" GROUP BY 1, 2, 3, 5
UNION ALL
SELECT date_trunc('month', "occurred_on"::timestamp)::date, "centre_id", "stream_id", 'reuse', "measurement", NULL, NULL, count(*), sum("mass_grams")
  FROM "circular_reuses" GROUP BY 1, 2, 3, 5
UNION ALL
SELECT date_trunc('month', "occurred_on"::timestamp)::date, "centre_id", "stream_id", 'outflow', "measurement", "treatment", "operation_code", count(*), sum("mass_grams")
  FROM "circular_outflows" GROUP BY 1, 2, 3, 5, 6, 7;
