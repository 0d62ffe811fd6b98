-- Indexes for the registry's foreign keys that no primary key already leads with. H2 makes
-- them by itself; PostgreSQL does not, and without them a DELETE of a user or group scans
-- the referencing tables.
CREATE INDEX sec_user_default_group ON sec_user (default_group);
CREATE INDEX sec_connect_group ON sec_connect (group_id);
CREATE INDEX sec_certificate_map_user ON sec_certificate_map (user_id);
