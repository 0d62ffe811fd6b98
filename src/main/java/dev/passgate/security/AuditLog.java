package dev.passgate.security;

import dev.passgate.store.Jdbc;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail: every verify, revoke, command and PassTicket use. Callers pass details
 * that carry no secret (commands arrive already masked); this class cuts overlong details
 * rather than fail the action being audited.
 */
public final class AuditLog {

    /** One audit record. */
    public record Entry(long id, Instant at, String event, String user, String actor, String outcome, String detail) {
        public String line() {
            return at + " " + event + " " + (user == null ? "-" : user) + " " + outcome + " by "
                    + (actor == null ? "-" : actor) + (detail == null ? "" : ": " + detail);
        }
    }

    private static final int DETAIL_MAX = 1000;

    private final Jdbc jdbc;
    private final Clock clock;

    public AuditLog(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String event, String user, String actor, String outcome, String detail) {
        String d = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX - 3) + "...";
        jdbc.update("INSERT INTO audit_log (logged_at, event, user_id, actor, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), event, user, actor, outcome, d);
    }

    /** Newest first; null filters match everything. */
    public List<Entry> query(String user, String event, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, logged_at, event, user_id, actor, outcome, detail FROM audit_log WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (user != null) {
            sql.append(" AND user_id = ?");
            args.add(user);
        }
        if (event != null) {
            sql.append(" AND event = ?");
            args.add(event);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), rs -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), args.toArray());
    }
}
