-- A logon's session row is written before the logon's reply, in the same commit as the logon's
-- audit record, and marked connected when the client reconnects: a crash in between leaves a row
-- that the next start (or the survivors) log out like a session, so the reconnect's reply waits
-- for no commit of its own. Rows from before this column are sessions.
ALTER TABLE passgate_session ADD COLUMN connected BOOLEAN DEFAULT TRUE NOT NULL;
