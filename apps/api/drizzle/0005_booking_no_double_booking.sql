-- No double booking, ever: two live bookings of one resource may not overlap, buffer included
-- ([starts_at, blocked_until) where blocked_until = ends_at + the resource's buffer). drizzle
-- cannot declare an exclusion constraint, hence this hand-written migration. btree_gist (0001)
-- provides the `=` on uuid inside the GiST index.
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap
  EXCLUDE USING gist (resource_id WITH =, tstzrange(starts_at, blocked_until, '[)') WITH &&)
  WHERE (status IN ('requested', 'confirmed', 'checked_in'));
