CREATE TABLE "event_held_bookings" (
	"booking_id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"basic_needs" text[] NOT NULL,
	"headcount" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "event_held_bookings_event_idx" ON "event_held_bookings" USING btree ("event_id");--> statement-breakpoint
-- Brings the copies of these bookings in line with event_bookings and bookings: each booking
-- named is locked first (a concurrent change of the booking or of its link waits, and what
-- follows reads it as committed), its copy dropped, and written again when the booking holds an
-- event, served people (neither cancelled nor a no-show) and declares needs. Recomputing per
-- booking, not adding and taking away, keeps the copy right when a booking or an event is deleted
-- and its links go with it (the deleted rows can no longer be read).
CREATE FUNCTION "event_held_bookings_refresh"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM bookings WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
  DELETE FROM event_held_bookings WHERE booking_id = ANY (ids);
  INSERT INTO event_held_bookings (booking_id, event_id, centre_id, starts_at, basic_needs, headcount)
  SELECT b.id, eb.event_id, b.centre_id, b.starts_at, b.basic_needs, b.headcount
    FROM event_bookings eb JOIN bookings b ON b.id = eb.booking_id
   WHERE eb.booking_id = ANY (ids)
     AND b.status NOT IN ('cancelled', 'no_show') AND cardinality(b.basic_needs) > 0;
END $$;
--> statement-breakpoint
-- Links added, moved or removed (a deleted event or booking removes its links too).
CREATE FUNCTION "event_held_bookings_keep_links"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  EXECUTE CASE TG_OP
    WHEN 'INSERT' THEN 'select array_agg(booking_id) from new_rows'
    WHEN 'DELETE' THEN 'select array_agg(booking_id) from old_rows'
    ELSE 'select array_agg(booking_id) from (select booking_id from new_rows
            union select booking_id from old_rows) x' END
  INTO ids;
  PERFORM event_held_bookings_refresh(ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Bookings holding an event whose status, centre, start, needs or headcount changed.
CREATE FUNCTION "event_held_bookings_keep_bookings"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  SELECT array_agg(n.id) INTO ids
    FROM new_rows n
    JOIN old_rows o ON o.id = n.id
    JOIN event_bookings eb ON eb.booking_id = n.id
   WHERE (n.status, n.centre_id, n.starts_at, n.basic_needs, n.headcount)
         IS DISTINCT FROM (o.status, o.centre_id, o.starts_at, o.basic_needs, o.headcount);
  PERFORM event_held_bookings_refresh(ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "event_held_bookings_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM event_held_bookings;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "event_bookings_held_insert" AFTER INSERT ON "event_bookings" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "event_held_bookings_keep_links"();--> statement-breakpoint
CREATE TRIGGER "event_bookings_held_update" AFTER UPDATE ON "event_bookings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "event_held_bookings_keep_links"();--> statement-breakpoint
CREATE TRIGGER "event_bookings_held_delete" AFTER DELETE ON "event_bookings" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "event_held_bookings_keep_links"();--> statement-breakpoint
CREATE TRIGGER "event_bookings_held_truncate" AFTER TRUNCATE ON "event_bookings" FOR EACH STATEMENT EXECUTE FUNCTION "event_held_bookings_truncate"();--> statement-breakpoint
CREATE TRIGGER "bookings_event_held_update" AFTER UPDATE ON "bookings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "event_held_bookings_keep_bookings"();--> statement-breakpoint
-- The links already stored.
INSERT INTO "event_held_bookings" ("booking_id", "event_id", "centre_id", "starts_at", "basic_needs", "headcount")
SELECT b."id", eb."event_id", b."centre_id", b."starts_at", b."basic_needs", b."headcount"
  FROM "event_bookings" eb JOIN "bookings" b ON b."id" = eb."booking_id"
 WHERE b."status" NOT IN ('cancelled', 'no_show') AND cardinality(b."basic_needs") > 0;
