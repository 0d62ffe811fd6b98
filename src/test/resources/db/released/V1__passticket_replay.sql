-- Accepted replay-protected PassTickets. A ticket is identified by who, where, which
-- algorithm and which second made it; the ticket text itself is never stored.
CREATE TABLE passticket_replay (
    user_id      VARCHAR(8)  NOT NULL,
    applid       VARCHAR(8)  NOT NULL,
    ticket_type  VARCHAR(8)  NOT NULL,
    generated_at BIGINT      NOT NULL,
    expires_at   BIGINT      NOT NULL,
    PRIMARY KEY (user_id, applid, ticket_type, generated_at)
);

CREATE INDEX passticket_replay_expiry ON passticket_replay (expires_at);
