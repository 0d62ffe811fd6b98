-- Node identity: where a node can be reached (daemon host:port, named when another node asks
-- for its name) and its home (host and data folder), which tells a node's own previous life
-- (a crash, restarted at once) from another node that is still alive under the same name.
ALTER TABLE passgate_node ADD COLUMN endpoint VARCHAR(300);
ALTER TABLE passgate_node ADD COLUMN home VARCHAR(1000);

-- One master key for every node of a store: a check value made from it (never the key), so a
-- node with another key is refused at start instead of failing on the first sealed secret.
CREATE TABLE passgate_key_check (
    id          INT          NOT NULL PRIMARY KEY,
    check_value VARCHAR(64)  NOT NULL,
    created_at  BIGINT       NOT NULL
);

-- Audit across nodes: which node wrote a record (null for records older than this column);
-- records are read in (timestamp, id) order, the timestamp being the database's.
ALTER TABLE audit_log ADD COLUMN node VARCHAR(8);
CREATE INDEX audit_log_order ON audit_log (logged_at, id);
DROP INDEX audit_log_at;
