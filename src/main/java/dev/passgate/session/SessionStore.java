package dev.passgate.session;

import dev.passgate.security.AuditEvent;
import dev.passgate.security.AuditLog;
import dev.passgate.store.GroupCommit;
import dev.passgate.store.Jdbc;
import java.sql.SQLException;
import java.util.List;

/**
 * The sessions each node holds, in the database, for recovery after a crash. A session's
 * row is committed before the client is told it has a session, and leaves the store in the
 * same transaction as its LOGOUT audit record: after a kill -9 a session is either fully
 * ended (audited, row gone) or still there for the next start, or for the survivors, to log
 * out. Whoever removes a row audits it, so a session's end is audited once.
 *
 * <p>The row is written by the logon, in the commit its reply waits for anyway (with the
 * logon's audit record), as not yet connected; the reconnect marks it connected without
 * waiting, since the row that recovery needs is already in the file. A logon whose client never
 * comes back loses its row when its handoff ends; one that a crash caught in between is logged
 * out at the next start like a session. Only connected rows count as sessions for the cluster
 * (single logon, DISPLAY, CANCEL and SEND across nodes).
 */
public final class SessionStore {

    /**
     * A session row: what a restarting node needs to log it out.
     *
     * @param connected false for a logon whose client had not reconnected yet
     */
    public record Row(String id, String user, String address, long startedAt, boolean connected) {

        /** What the row is, for its LOGOUT record's detail. */
        public String what() {
            return connected ? "session " + id : "logon " + id + " (its client had not reconnected)";
        }
    }

    /** A session row of any node, in the order the store recorded them (its sequence). */
    public record Recorded(String id, String user, String address, String node, long startedAt, long seq) {
    }

    private static final String RECORDED = "SELECT session_id, user_id, address, node, started_at, recorded_seq"
            + " FROM passgate_session WHERE connected = TRUE AND ";

    private static final String INSERT = "INSERT INTO passgate_session (session_id, user_id, address, node, started_at,"
            + " connected) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM passgate_session WHERE session_id = ?";
    private static final String DELETE_UNCONNECTED = DELETE + " AND connected = FALSE";

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final String node;

    public SessionStore(Jdbc jdbc, AuditLog audit, String node) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.node = node;
    }

    /** Records the session, connected; returns once it is committed (a session that had no logon row). */
    public void add(Session s) {
        audit.commits().submit(b -> insert(b, s)).await();
    }

    /**
     * Records the logon's row, not yet connected, in the next group commit; the logon's reply,
     * which waits for what its thread wrote ({@link #sync}), makes it durable with the logon's
     * audit record.
     */
    public void addLogon(PendingSession p, long loggedOnAt) {
        audit.commits().submit(b -> b.update(INSERT, p.sessionId(), p.environment().user(), p.address(), node, loggedOnAt,
                false));
        p.markRecorded();
    }

    /** The logon's handoff ended without a session (nobody came, refused, abandoned): its row goes. */
    public void logonEnded(PendingSession p) {
        audit.commits().submit(b -> b.update(DELETE_UNCONNECTED, p.sessionId()));
    }

    /**
     * The client reconnected: the session's row replaces the logon's, connected, with the
     * store's next sequence number (single logon keeps the newest session). Waits for the commit
     * only when no logon row made the session durable already; a handoff that timed out meanwhile
     * may have removed the logon's row, and the session's row is written all the same.
     */
    public void connected(Session s, PendingSession p) {
        var ticket = audit.commits().submit(b -> {
            b.update(DELETE_UNCONNECTED, s.id());
            insert(b, s);
        });
        if (!p.recorded()) {
            ticket.await();
        }
    }

    private int insert(GroupCommit.Batch b, Session s) throws SQLException {
        return b.update(INSERT, s.id(), s.user(), s.address(), node, s.since().toEpochMilli(), true);
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
        return jdbc.query(RECORDED + "node <> ? ORDER BY recorded_seq", SessionStore::recorded, node);
    }

    /** A user's sessions on every node, oldest first. */
    public List<Recorded> ofUser(String user) {
        return jdbc.query(RECORDED + "user_id = ? ORDER BY recorded_seq", SessionStore::recorded, user);
    }

    private static Recorded recorded(java.sql.ResultSet rs) throws SQLException {
        return new Recorded(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getLong(6));
    }

    /** Sessions and waiting logons recorded for this node: at start-up, those are what a previous life left. */
    public List<Row> leftBehind() {
        return of(node);
    }

    /** The sessions and waiting logons recorded for a node (this one's previous life, or a node the cluster lost). */
    public List<Row> of(String node) {
        return jdbc.query("SELECT session_id, user_id, address, started_at, connected FROM passgate_session WHERE node = ?",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBoolean(5)), node);
    }
}
