-- The column with each row's GB/T 2260 region code, for the gateway's region row filter when the
-- catalog compiles the gateway's policies; NULL when rows belong to no region.
ALTER TABLE dataset_table ADD COLUMN region_column VARCHAR(128);
