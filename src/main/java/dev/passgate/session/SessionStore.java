package dev.passgate.session;

import dev.passgate.store.Jdbc;
import java.util.List;

/** The sessions each node holds, in the database, for recovery after a crash. */
public final class SessionStore {

    /** A session row: what a restarting node needs to log it out. */
    public record Row(String id, String user, String address, long startedAt) {
    }

    private final Jdbc jdbc;
    private final String node;

    public SessionStore(Jdbc jdbc, String node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    public void add(Session s) {
        jdbc.update("INSERT INTO passgate_session (session_id, user_id, address, node, started_at) VALUES (?, ?, ?, ?, ?)",
                s.id(), s.user(), s.address(), node, s.since().toEpochMilli());
    }

    public void remove(String sessionId) {
        jdbc.update("DELETE FROM passgate_session WHERE session_id = ?", sessionId);
    }

    /** Sessions recorded for this node: at start-up, those are what a previous life left. */
    public List<Row> leftBehind() {
        return jdbc.query("SELECT session_id, user_id, address, started_at FROM passgate_session WHERE node = ?",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)), node);
    }
}
