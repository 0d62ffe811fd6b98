package dev.passgate.session;

import dev.passgate.security.AuditEvent;
import dev.passgate.security.AuditLog;
import dev.passgate.store.Jdbc;
import java.util.List;

/**
 * The sessions each node holds, in the database, for recovery after a crash. A session's
 * row is committed before the client is told it has a session, and leaves the store in the
 * same transaction as its LOGOUT audit record: after a kill -9 a session is either fully
 * ended (audited, row gone) or still there for the next start, or for the survivors, to log
 * out. Whoever removes a row audits it, so a session's end is audited once.
 */
public final class SessionStore {

    /** A session row: what a restarting node needs to log it out. */
    public record Row(String id, String user, String address, long startedAt) {
    }

    /** A session row of any node, in the order the store recorded them (its sequence). */
    public record Recorded(String id, String user, String address, String node, long startedAt, long seq) {
    }

    private static final String RECORDED = "SELECT session_id, user_id, address, node, started_at, recorded_seq"
            + " FROM passgate_session ";

    private static final String DELETE = "DELETE FROM passgate_session WHERE session_id = ?";

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final String node;

    public SessionStore(Jdbc jdbc, AuditLog audit, String node) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.node = node;
    }

    /** Records the session; returns once it is committed. */
    public void add(Session s) {
        audit.commits().submit(b -> b.update("INSERT INTO passgate_session (session_id, user_id, address, node, started_at)"
                + " VALUES (?, ?, ?, ?, ?)", s.id(), s.user(), s.address(), node, s.since().toEpochMilli())).await();
    }

    /**
     * Removes the session's row and audits its end, together; returns once both are committed.
     * Only the one who removes the row audits: a session that the survivors already logged out
     * (they thought its node lost) is not audited again by its node.
     *
     * @return whether this call ended it (false: it was already gone)
     */
    public boolean ended(String sessionId, String user, String address, SessionEndReason reason, String detail) {
        return audit.recordIfClaimed(b -> b.update(DELETE, sessionId), AuditEvent.LOGOUT, user, address,
                reason.name(), detail);
    }

    /** Waits until everything recorded so far (the session's audit records among it) is committed. */
    public void sync() {
        audit.sync();
    }

    /** The sessions every other node holds, oldest first. */
    public List<Recorded> otherNodes() {
        return jdbc.query(RECORDED + "WHERE node <> ? ORDER BY recorded_seq", SessionStore::recorded, node);
    }

    /** A user's sessions on every node, oldest first. */
    public List<Recorded> ofUser(String user) {
        return jdbc.query(RECORDED + "WHERE user_id = ? ORDER BY recorded_seq", SessionStore::recorded, user);
    }

    private static Recorded recorded(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Recorded(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getLong(6));
    }

    /** Sessions recorded for this node: at start-up, those are what a previous life left. */
    public List<Row> leftBehind() {
        return of(node);
    }

    /** The sessions recorded for a node (this one's previous life, or a node the cluster lost). */
    public List<Row> of(String node) {
        return jdbc.query("SELECT session_id, user_id, address, started_at FROM passgate_session WHERE node = ?",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)), node);
    }
}
