CREATE TABLE "booking_needs_monthly" (
	"month" date NOT NULL,
	"centre_id" uuid NOT NULL,
	"need" text NOT NULL,
	"bookings" integer NOT NULL,
	"people" bigint NOT NULL,
	CONSTRAINT "booking_needs_monthly_key" UNIQUE("month","centre_id","need")
);
--> statement-breakpoint
CREATE INDEX "booking_needs_monthly_empty_idx" ON "booking_needs_monthly" USING btree ("month") WHERE "booking_needs_monthly"."bookings" = 0;--> statement-breakpoint
-- Keeps booking_needs_monthly in step with bookings, once per statement from its transition
-- tables, as booking_monthly_keep does (0020): the rows that served people and declare needs,
-- one per need, added from new_rows and taken away from old_rows; a change that leaves every sum
-- as it was writes nothing.
CREATE FUNCTION "booking_needs_monthly_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  served text := 'status not in (''cancelled'', ''no_show'') and cardinality(basic_needs) > 0';
  src text := CASE TG_OP
    WHEN 'INSERT' THEN format('select starts_at, centre_id, basic_needs, headcount, 1 from new_rows where %s', served)
    WHEN 'DELETE' THEN format('select starts_at, centre_id, basic_needs, headcount, -1 from old_rows where %s', served)
    ELSE format('select starts_at, centre_id, basic_needs, headcount, 1 from new_rows where %s
                 union all select starts_at, centre_id, basic_needs, headcount, -1 from old_rows where %s',
                served, served) END;
BEGIN
  EXECUTE format($q$
    insert into booking_needs_monthly as m (month, centre_id, need, bookings, people)
    select date_trunc('month', b.starts_at at time zone 'America/Cayenne')::date, b.centre_id, n.need,
           sum(b.sign), sum(b.sign * b.headcount)
      from (%s) as b (starts_at, centre_id, basic_needs, headcount, sign)
      cross join lateral unnest(b.basic_needs) as n(need)
     group by 1, 2, 3
    having sum(b.sign) <> 0 or sum(b.sign * b.headcount) <> 0
     order by 1, 2, 3
    on conflict on constraint booking_needs_monthly_key do update
       set bookings = m.bookings + excluded.bookings, people = m.people + excluded.people$q$,
    src);
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM booking_needs_monthly WHERE bookings = 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "booking_needs_monthly_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM booking_needs_monthly;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "bookings_needs_monthly_insert" AFTER INSERT ON "bookings" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "booking_needs_monthly_keep"();--> statement-breakpoint
CREATE TRIGGER "bookings_needs_monthly_update" AFTER UPDATE ON "bookings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "booking_needs_monthly_keep"();--> statement-breakpoint
CREATE TRIGGER "bookings_needs_monthly_delete" AFTER DELETE ON "bookings" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "booking_needs_monthly_keep"();--> statement-breakpoint
CREATE TRIGGER "bookings_needs_monthly_truncate" AFTER TRUNCATE ON "bookings" FOR EACH STATEMENT EXECUTE FUNCTION "booking_needs_monthly_truncate"();--> statement-breakpoint
-- The bookings already stored.
INSERT INTO "booking_needs_monthly" ("month", "centre_id", "need", "bookings", "people")
SELECT date_trunc('month', b."starts_at" at time zone 'America/Cayenne')::date, b."centre_id", n.need,
       count(*), sum(b."headcount")
  FROM "bookings" b CROSS JOIN LATERAL unnest(b."basic_needs") AS n(need)
 WHERE b."status" NOT IN ('cancelled', 'no_show')
 GROUP BY 1, 2, 3;
