-- A centre's bookings over a period by range overlap (listBookings): the GiST index finds those
-- whose [starts_at, ends_at) meets the period without reading the centre's whole past, as the
-- btree on (centre_id, starts_at) did. btree_gist (0001) provides the `=` on uuid.
CREATE INDEX "bookings_centre_range_idx" ON "bookings" USING gist ("centre_id",tstzrange("starts_at", "ends_at", '[)'));
