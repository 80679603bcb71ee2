-- btree_gist lets an exclusion constraint mix equality on a resource with overlap on a time range:
-- the booking context relies on it to make double booking impossible in the database itself.
CREATE EXTENSION IF NOT EXISTS btree_gist;
