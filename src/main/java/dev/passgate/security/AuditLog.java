package dev.passgate.security;

import dev.passgate.store.GroupCommit;
import dev.passgate.store.GroupCommit.Write;
import dev.passgate.store.Jdbc;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The audit trail: every verify, revoke, command and PassTicket use. Callers pass details
 * that carry no secret (commands arrive already masked); overlong details are cut rather
 * than fail the action being audited.
 *
 * <p>A logon writes a dozen records; a transaction each would cost more than the logon.
 * Records go to the store's {@link GroupCommit} instead, and whoever is about to tell a
 * client, an operator or the CLI that something is done first calls {@link #sync}: the
 * answer waits for the batch's commit, so nothing acknowledged is ever missing from the
 * trail, and one commit serves every caller waiting at that moment.
 */
public final class AuditLog implements AutoCloseable {

    /**
     * One audit record.
     *
     * @param at   when the database stored it (its clock, so records of all nodes order alike); in what
     *             {@link #listen listeners} get as it is made, this node's clock, the record not being stored yet
     * @param node the system name of the node that wrote it (null for records older than the column)
     */
    public record Entry(long id, Instant at, AuditEvent event, String user, String actor, String outcome, String detail,
            String node) {
        public String line() {
            return at + " " + (node == null ? "-" : node) + " " + event + " " + (user == null ? "-" : user) + " "
                    + outcome + " by " + (actor == null ? "-" : actor) + (detail == null ? "" : ": " + detail);
        }
    }

    private static final int DETAIL_MAX = 1000;
    // The database's clock, not the node's: records of every node sharing the store order by one clock.
    private static final String INSERT = "INSERT INTO audit_log (logged_at, node, event, user_id, actor, outcome, detail)"
            + " VALUES (CURRENT_TIMESTAMP, ?, ?, ?, ?, ?, ?)";

    private final Jdbc jdbc;
    private final Clock clock;
    private final String node;
    private final GroupCommit commits;
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();

    /** @param node this node's system name, in each record it writes */
    public AuditLog(DataSource dataSource, Clock clock, String node) {
        this(dataSource, clock, node, true);
    }

    /** @param durableAcks false: {@code passgate.store.durable-acks=false} (see {@link GroupCommit}) */
    public AuditLog(DataSource dataSource, Clock clock, String node, boolean durableAcks) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        this.node = node;
        this.commits = new GroupCommit(dataSource, "passgate-audit-writer", durableAcks);
    }

    /** Tells the listener of every record as it is made (on the recording thread: keep it quick). */
    public void listen(Consumer<Entry> listener) {
        listeners.add(listener);
    }

    /** Records an event; it is committed with the next batch (see {@link #sync}). */
    public void record(AuditEvent event, String user, String actor, String outcome, String detail) {
        commits.submit(insert(entry(event, user, actor, outcome, detail)));
    }

    /**
     * Records an event and commits a change of the caller's in the same transaction, so that
     * either both are in the store or neither; returns once both are committed.
     */
    public void recordTogether(GroupCommit.Write change, AuditEvent event, String user, String actor, String outcome,
            String detail) {
        Write record = insert(entry(event, user, actor, outcome, detail));
        commits.submit(b -> {
            change.apply(b);
            record.apply(b);
        }).await();
    }

    /** A change that may find nothing to change; its update count decides whether its record is made. */
    @FunctionalInterface
    public interface Claim {
        int apply(GroupCommit.Batch batch) throws java.sql.SQLException;
    }

    /**
     * As {@link #recordTogether}, for a change two parties may race to make (a session ended by its
     * node and by the survivors that think it lost): the record is made only when the change changed
     * a row, so the end is audited once. Returns once committed; true when this caller's change won.
     */
    public boolean recordIfClaimed(Claim claim, AuditEvent event, String user, String actor, String outcome,
            String detail) {
        Write record = insert(entry(event, user, actor, outcome, detail));
        boolean[] won = new boolean[1];
        commits.submit(b -> {
            won[0] = claim.apply(b) > 0;
            if (won[0]) {
                record.apply(b);
            }
        }).await();
        return won[0];
    }

    /** Records an event inside the caller's transaction: it commits, or rolls back, with the caller's change. */
    public void recordIn(Jdbc transaction, AuditEvent event, String user, String actor, String outcome, String detail) {
        Entry e = entry(event, user, actor, outcome, detail);
        transaction.update(INSERT, e.node(), e.event().name(), e.user(), e.actor(), e.outcome(), e.detail());
    }

    /**
     * Waits until every record this thread made is committed: call it before acknowledging
     * what they record (a request's records are made on the thread that answers it).
     */
    public void sync() {
        commits.sync();
    }

    /** Forces every change committed in the store so far into its file: before acknowledging a change made outside the trail. */
    public void flushStore() {
        commits.flush();
    }

    /** The store's group commit, for changes that must be as durable as the trail. */
    public GroupCommit commits() {
        return commits;
    }

    /** Newest first (by the database's timestamp, then by id); null filters match everything. */
    public List<Entry> query(String user, AuditEvent event, int limit) {
        commits.syncAll();
        StringBuilder sql = new StringBuilder("SELECT id, logged_at, event, user_id, actor, outcome, detail, node FROM audit_log"
                + " WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (user != null) {
            sql.append(" AND user_id = ?");
            args.add(user);
        }
        if (event != null) {
            sql.append(" AND event = ?");
            args.add(event.name());
        }
        sql.append(" ORDER BY logged_at DESC, id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), rs -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), AuditEvent.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), args.toArray());
    }

    /** Deletes the records older than the given instant; returns how many. */
    public int purgeBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM audit_log WHERE logged_at < ?", Timestamp.from(cutoff));
    }

    /** Commits what is queued and stops the writer. */
    @Override
    public void close() {
        commits.close();
    }

    private Entry entry(AuditEvent event, String user, String actor, String outcome, String detail) {
        String d = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX - 3) + "...";
        Entry e = new Entry(0, clock.instant(), event, user, actor, outcome, d, node);
        listeners.forEach(l -> l.accept(e));
        return e;
    }

    private static Write insert(Entry e) {
        return b -> b.update(INSERT, e.node(), e.event().name(), e.user(), e.actor(), e.outcome(), e.detail());
    }
}
