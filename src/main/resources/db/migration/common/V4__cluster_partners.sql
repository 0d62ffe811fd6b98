-- The cluster: one row naming it and holding its UTOKEN signing key, sealed with the
-- master key that every node of the cluster shares (they share the registry too).
CREATE TABLE passgate_cluster (
    id          INT          NOT NULL PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    sealed_key  VARCHAR(512) NOT NULL,
    created_at  BIGINT       NOT NULL
);

-- The nodes of the cluster: what a partner lookup needs to know about another node
-- (its security domain, the addresses its connections can come from, whether it still
-- runs: a node that crashed leaves rows behind, which stop counting once its heartbeat is old).
CREATE TABLE passgate_node (
    name        VARCHAR(8)    NOT NULL PRIMARY KEY,
    tcpip       VARCHAR(8)    NOT NULL,
    domain_name VARCHAR(255),
    addresses   VARCHAR(4000) NOT NULL,
    started_at  BIGINT        NOT NULL,
    heartbeat   BIGINT        NOT NULL
);

-- Every connection a node owns, so that the node at the other end can find out who is
-- here. The users come as signed UTOKENs: a row changed by anyone without the cluster
-- key is refused when it is read.
CREATE TABLE passgate_connection (
    node         VARCHAR(8)   NOT NULL,
    conn_id      BIGINT       NOT NULL,
    local_host   VARCHAR(64)  NOT NULL,
    local_port   INT          NOT NULL,
    remote_host  VARCHAR(64)  NOT NULL,
    remote_port  INT          NOT NULL,
    owner_utoken VARCHAR(512) NOT NULL,
    task_utoken  VARCHAR(512),
    registered_at BIGINT      NOT NULL,
    PRIMARY KEY (node, conn_id)
);
CREATE INDEX passgate_connection_ends ON passgate_connection (local_host, local_port, remote_host, remote_port);
