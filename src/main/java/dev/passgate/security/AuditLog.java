package dev.passgate.security;

import dev.passgate.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: every verify, revoke, command and PassTicket use. Callers pass details
 * that carry no secret (commands arrive already masked); overlong details are cut rather
 * than fail the action being audited.
 *
 * <p>A logon writes a dozen records; writing each in its own transaction would cost more
 * than the logon. Records are therefore queued and written in batches by one writer
 * thread, a few milliseconds behind. Nothing is dropped: a full queue makes the caller
 * write its record itself, {@link #query} first waits for everything recorded before it,
 * and {@link #close} writes what is left.
 */
public final class AuditLog implements AutoCloseable {

    /** One audit record. */
    public record Entry(long id, Instant at, String event, String user, String actor, String outcome, String detail) {
        public String line() {
            return at + " " + event + " " + (user == null ? "-" : user) + " " + outcome + " by "
                    + (actor == null ? "-" : actor) + (detail == null ? "" : ": " + detail);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int DETAIL_MAX = 1000;
    private static final int QUEUE_MAX = 100_000;
    private static final int BATCH_MAX = 1_000;
    private static final String INSERT =
            "INSERT INTO audit_log (logged_at, event, user_id, actor, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)";

    private final Jdbc jdbc;
    private final Clock clock;
    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>(QUEUE_MAX);
    private final Object progress = new Object();
    private long queued;
    private long written;
    private volatile boolean closed;
    private final Thread writer;

    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();

    public AuditLog(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.writer = new Thread(this::writeLoop, "passgate-audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Tells the listener of every record as it is made (on the recording thread: keep it quick). */
    public void listen(Consumer<Entry> listener) {
        listeners.add(listener);
    }

    public void record(String event, String user, String actor, String outcome, String detail) {
        String d = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX - 3) + "...";
        Entry e = new Entry(0, clock.instant(), event, user, actor, outcome, d);
        listeners.forEach(l -> l.accept(e));
        synchronized (progress) {
            if (!closed && queue.offer(e)) {
                queued++;
                return;
            }
        }
        write(List.of(e)); // queue full or closing: the caller pays, the record is not lost
    }

    /** Waits until everything recorded so far is in the database. */
    public void flush() {
        flush(Long.MAX_VALUE);
    }

    private void flush(long deadlineNanos) {
        synchronized (progress) {
            long target = queued;
            while (written < target && writer.isAlive() && System.nanoTime() < deadlineNanos) {
                try {
                    progress.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Newest first; null filters match everything. */
    public List<Entry> query(String user, String event, int limit) {
        flush();
        StringBuilder sql = new StringBuilder("SELECT id, logged_at, event, user_id, actor, outcome, detail FROM audit_log"
                + " WHERE 1=1");
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

    /** Writes what is queued (waiting at most a few seconds: the database may be going away too) and stops the writer. */
    @Override
    public void close() {
        synchronized (progress) {
            closed = true;
        }
        flush(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        writer.interrupt();
        int lost = queue.size();
        if (lost > 0) {
            LOG.error("{} audit records could not be written before shutdown", lost);
        }
    }

    private void writeLoop() {
        List<Entry> batch = new ArrayList<>(BATCH_MAX);
        while (true) {
            try {
                Entry first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closed && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH_MAX - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (queue.isEmpty()) {
                    return;
                }
            } catch (RuntimeException e) {
                if (closed) {
                    return; // the database is gone; close() reports what is left
                }
                LOG.error("Audit records could not be written; retrying", e);
                sleepQuietly();
                continue;
            }
            synchronized (progress) {
                written += batch.size();
                progress.notifyAll();
            }
            batch.clear();
        }
    }

    private void write(List<Entry> entries) {
        jdbc.inTransaction(tx -> {
            tx.withStatement(INSERT, ps -> {
                for (Entry e : entries) {
                    bind(ps, e);
                    ps.addBatch();
                }
                ps.executeBatch();
            });
            return null;
        });
    }

    private static void bind(PreparedStatement ps, Entry e) throws java.sql.SQLException {
        ps.setTimestamp(1, Timestamp.from(e.at()));
        ps.setString(2, e.event());
        ps.setString(3, e.user());
        ps.setString(4, e.actor());
        ps.setString(5, e.outcome());
        ps.setString(6, e.detail());
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
