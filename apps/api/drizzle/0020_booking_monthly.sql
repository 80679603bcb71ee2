CREATE TABLE "booking_monthly" (
	"month" date NOT NULL,
	"centre_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"bookings" integer NOT NULL,
	"seconds" bigint NOT NULL,
	CONSTRAINT "booking_monthly_key" UNIQUE("month","centre_id","resource_id")
);
--> statement-breakpoint
CREATE INDEX "booking_monthly_empty_idx" ON "booking_monthly" USING btree ("month") WHERE "booking_monthly"."bookings" = 0;--> statement-breakpoint
-- Keeps booking_monthly in step with bookings, once per statement from its transition tables:
-- an INSERT (COPY included) adds the rows that hold their slot, a DELETE takes them away, an
-- UPDATE takes the old rows away and adds the new ones (a move, a cancellation, a change of
-- resource; a change that leaves every sum as it was, such as a note, writes nothing). Months
-- are the calendar months of the local start day in America/Cayenne, the activity report's
-- zone. Dynamic SQL because a statement naming a transition table the trigger does not have
-- (old_rows on INSERT) cannot be planned.
CREATE FUNCTION "booking_monthly_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols text := 'starts_at, ends_at, centre_id, resource_id';
  held text := 'status <> ''cancelled''';
  src text := CASE TG_OP
    WHEN 'INSERT' THEN format('select %s, 1 from new_rows where %s', cols, held)
    WHEN 'DELETE' THEN format('select %s, -1 from old_rows where %s', cols, held)
    ELSE format('select %s, 1 from new_rows where %s union all select %s, -1 from old_rows where %s',
                cols, held, cols, held) END;
BEGIN
  EXECUTE format($q$
    insert into booking_monthly as m (month, centre_id, resource_id, bookings, seconds)
    select date_trunc('month', b.starts_at at time zone 'America/Cayenne')::date, b.centre_id,
           b.resource_id, sum(b.sign), sum(b.sign * extract(epoch from (b.ends_at - b.starts_at)))::bigint
      from (%s) as b (starts_at, ends_at, centre_id, resource_id, sign)
     group by 1, 2, 3
    having sum(b.sign) <> 0 or sum(b.sign * extract(epoch from (b.ends_at - b.starts_at))) <> 0
     order by 1, 2, 3
    on conflict on constraint booking_monthly_key do update
       set bookings = m.bookings + excluded.bookings, seconds = m.seconds + excluded.seconds$q$,
    src);
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM booking_monthly WHERE bookings = 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "booking_monthly_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM booking_monthly;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "bookings_monthly_insert" AFTER INSERT ON "bookings" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "booking_monthly_keep"();--> statement-breakpoint
CREATE TRIGGER "bookings_monthly_update" AFTER UPDATE ON "bookings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "booking_monthly_keep"();--> statement-breakpoint
CREATE TRIGGER "bookings_monthly_delete" AFTER DELETE ON "bookings" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "booking_monthly_keep"();--> statement-breakpoint
CREATE TRIGGER "bookings_monthly_truncate" AFTER TRUNCATE ON "bookings" FOR EACH STATEMENT EXECUTE FUNCTION "booking_monthly_truncate"();--> statement-breakpoint
-- The bookings already stored.
INSERT INTO "booking_monthly" ("month", "centre_id", "resource_id", "bookings", "seconds")
SELECT date_trunc('month', "starts_at" at time zone 'America/Cayenne')::date, "centre_id", "resource_id",
       count(*), sum(extract(epoch from ("ends_at" - "starts_at")))::bigint
  FROM "bookings" WHERE "status" <> 'cancelled' GROUP BY 1, 2, 3;
