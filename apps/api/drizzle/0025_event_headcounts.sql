CREATE TABLE "event_headcounts" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"registered" integer NOT NULL,
	"absent" integer NOT NULL
);
--> statement-breakpoint
-- Keeps event_headcounts in step with event_registrations, once per statement from its
-- transition tables (as booking_needs_monthly_keep does, 0023): the places of each event added
-- from new_rows and taken away from old_rows; an event left with no place held loses its row.
CREATE FUNCTION "event_headcounts_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols text := 'event_id, seats, status = ''registered'', status = ''registered'' and attendance = ''absent''';
  src text := CASE TG_OP
    WHEN 'INSERT' THEN format('select %s, 1 from new_rows', cols)
    WHEN 'DELETE' THEN format('select %s, -1 from old_rows', cols)
    ELSE format('select %s, 1 from new_rows union all select %s, -1 from old_rows', cols, cols) END;
BEGIN
  EXECUTE format($q$
    insert into event_headcounts as h (event_id, registered, absent)
    select r.event_id,
           coalesce(sum(r.sign * r.seats) filter (where r.registered), 0),
           coalesce(sum(r.sign * r.seats) filter (where r.absent), 0)
      from (%s) as r (event_id, seats, registered, absent, sign)
     group by r.event_id
    having coalesce(sum(r.sign * r.seats) filter (where r.registered), 0) <> 0
        or coalesce(sum(r.sign * r.seats) filter (where r.absent), 0) <> 0
     order by r.event_id
    on conflict (event_id) do update
       set registered = h.registered + excluded.registered, absent = h.absent + excluded.absent$q$,
    src);
  IF TG_OP <> 'INSERT' THEN
    EXECUTE 'delete from event_headcounts h using (select distinct event_id from old_rows) o
              where h.event_id = o.event_id and h.registered = 0 and h.absent = 0';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "event_headcounts_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM event_headcounts;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "event_registrations_headcounts_insert" AFTER INSERT ON "event_registrations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "event_headcounts_keep"();--> statement-breakpoint
CREATE TRIGGER "event_registrations_headcounts_update" AFTER UPDATE ON "event_registrations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "event_headcounts_keep"();--> statement-breakpoint
CREATE TRIGGER "event_registrations_headcounts_delete" AFTER DELETE ON "event_registrations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "event_headcounts_keep"();--> statement-breakpoint
CREATE TRIGGER "event_registrations_headcounts_truncate" AFTER TRUNCATE ON "event_registrations" FOR EACH STATEMENT EXECUTE FUNCTION "event_headcounts_truncate"();--> statement-breakpoint
-- The registrations already stored.
INSERT INTO "event_headcounts" ("event_id", "registered", "absent")
SELECT "event_id",
       coalesce(sum("seats") FILTER (WHERE "status" = 'registered'), 0),
       coalesce(sum("seats") FILTER (WHERE "status" = 'registered' AND "attendance" = 'absent'), 0)
  FROM "event_registrations"
 GROUP BY "event_id"
HAVING coalesce(sum("seats") FILTER (WHERE "status" = 'registered'), 0) <> 0;
