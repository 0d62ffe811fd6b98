package dev.passgate.daemon;

import dev.passgate.partner.ClusterView;
import dev.passgate.store.ClusterMessages;
import dev.passgate.store.Jdbc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failed-logon limit counted over every node of the store. Each failure a node counts is also
 * a row of {@code passgate_logon_failure}, written in the background so that no logon waits on it;
 * when the rows of the last minute for an address reach the limit, the node tells every other live
 * node ({@link Message#BLOCK_ADDRESS}), and each refuses that address until the oldest of the
 * counted failures is a minute old. Admission itself reads only memory ({@link FailureRateLimiter}).
 *
 * <p>Times are the database's: nodes whose clocks disagree still agree on the minute. A node that
 * starts, or hears the store again after losing it, reloads the blocks in force from the rows.
 * Without the store the node's own limit still applies; one warning says so.
 */
public final class ClusterFailureLimit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterFailureLimit.class);

    /** What one node tells the others; the message's kind is the name. */
    public enum Message {
        /** payload: the address, a newline, and until when it is refused (epoch ms, the database's clock) */
        BLOCK_ADDRESS
    }

    private static final long WINDOW_MILLIS = 60_000;
    /** Failures waiting to be written while the store is slow; past it the node's own limit is what holds. */
    private static final int MAX_WAITING = 10_000;
    private static final long PURGE_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Jdbc jdbc;
    private final ClusterMessages messages;
    private final String node;
    private final int limit;
    private final FailureRateLimiter limiter;
    private final ThreadPoolExecutor writer;
    private final AtomicBoolean storeFailing = new AtomicBoolean();
    private long lastPurge = System.nanoTime() - PURGE_EVERY_NANOS;

    /**
     * A failure counted over the last minute: by which node, and when, in milliseconds from the
     * database's now (so zero or less).
     */
    private record Counted(String node, long fromNow) {
    }

    public ClusterFailureLimit(Jdbc jdbc, ClusterMessages messages, String node, int limit, FailureRateLimiter limiter) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.node = node;
        this.limit = limit;
        this.limiter = limiter;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_WAITING), r -> {
            Thread t = new Thread(r, "PassGateLogonFailures");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
        if (limit >= 1) { // a limit of none refuses every address on every node alone
            limiter.onFailure(address -> writer.execute(() -> record(address)));
        }
        messages.on(Message.BLOCK_ADDRESS.name(), this::blocked);
        messages.onListening(this::reload);
    }

    /** Writes the failure and, when it brings the address's cluster-wide count to the limit, blocks it everywhere. */
    private void record(String address) {
        List<Counted> newest;
        try {
            newest = jdbc.inTransaction(tx -> {
                tx.update("INSERT INTO passgate_logon_failure (address, node, failed_at) VALUES (?, ?, " + Jdbc.DATABASE_MILLIS
                        + ")", address, node);
                tx.update("DELETE FROM passgate_logon_failure WHERE address = ? AND failed_at <= " + Jdbc.DATABASE_MILLIS
                        + " - " + WINDOW_MILLIS, address);
                return tx.query("SELECT node, failed_at, " + Jdbc.DATABASE_MILLIS + " FROM passgate_logon_failure"
                        + " WHERE address = ? ORDER BY failed_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY",
                        rs -> new Counted(rs.getString(1), rs.getLong(2) - rs.getLong(3)), address);
            });
            purgeNowAndThen();
            if (newest.size() >= limit) {
                long forMillis = blockFor(newest);
                // This node's own failures alone are already refused by its own window.
                if (newest.stream().anyMatch(c -> !c.node().equals(node))) {
                    limiter.block(address, forMillis);
                }
                tellOtherNodes(address, forMillis);
            }
            if (storeFailing.compareAndSet(true, false)) {
                LOG.info("Failed logons are recorded in the store again: the limit counts every node's failures");
            }
        } catch (RuntimeException e) {
            if (storeFailing.compareAndSet(false, true)) {
                LOG.warn("Failed logon from {} not recorded in the store ({}): until it is, the failed-logon limit"
                        + " counts this node's failures only", address, e.toString());
            }
        }
    }

    /**
     * How long from now (the database's now, in the rows) the address stays refused: until the
     * limit-th newest failure is a minute old, when fewer than the limit remain in the minute.
     */
    private long blockFor(List<Counted> newestFirst) {
        return newestFirst.get(limit - 1).fromNow() + WINDOW_MILLIS;
    }

    private void tellOtherNodes(String address, long forMillis) {
        record Live(String name, long now) {
        }
        for (Live other : jdbc.query("SELECT name, " + Jdbc.DATABASE_MILLIS + " FROM passgate_node WHERE name <> ?"
                + " AND heartbeat > " + Jdbc.DATABASE_MILLIS + " - " + ClusterView.ALIVE_MILLIS,
                rs -> new Live(rs.getString(1), rs.getLong(2)), node)) {
            messages.send(other.name(), Message.BLOCK_ADDRESS.name(), address + "\n" + (other.now() + forMillis));
        }
    }

    /** Another node's count reached the limit: refuse the address here too, until then. */
    private void blocked(ClusterMessages.Message m) {
        int newline = m.payload().indexOf('\n');
        if (newline < 0) {
            LOG.warn("Cluster message {} from {} ({}) is not an address and a time: ignored", m.id(), m.from(), m.kind());
            return;
        }
        String address = m.payload().substring(0, newline);
        long until = Long.parseLong(m.payload().substring(newline + 1).trim());
        long now = jdbc.queryOne("SELECT " + Jdbc.DATABASE_MILLIS, rs -> rs.getLong(1)).orElseThrow();
        limiter.block(address, until - now);
    }

    /** The blocks in force, from the rows of the last minute (what was said while this node could not hear). */
    private void reload() {
        if (limit < 1) {
            return;
        }
        try {
            record Row(String address, Counted failure) {
            }
            Map<String, List<Counted>> byAddress = new LinkedHashMap<>();
            for (Row row : jdbc.query("SELECT address, node, failed_at - " + Jdbc.DATABASE_MILLIS
                    + " FROM passgate_logon_failure WHERE failed_at > " + Jdbc.DATABASE_MILLIS + " - " + WINDOW_MILLIS
                    + " ORDER BY address, failed_at DESC, id DESC",
                    rs -> new Row(rs.getString(1), new Counted(rs.getString(2), rs.getLong(3))))) {
                byAddress.computeIfAbsent(row.address(), a -> new ArrayList<>()).add(row.failure());
            }
            byAddress.forEach((address, newest) -> {
                if (newest.size() >= limit) {
                    limiter.block(address, blockFor(newest));
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Failed-logon blocks not reloaded from the store ({}): this node counts its own failures until"
                    + " the next", e.toString());
        }
    }

    /** Rows of addresses that failed no more are deleted too, at most once a minute per node. */
    private void purgeNowAndThen() {
        long now = System.nanoTime();
        if (now - lastPurge < PURGE_EVERY_NANOS) {
            return;
        }
        lastPurge = now;
        jdbc.update("DELETE FROM passgate_logon_failure WHERE failed_at <= " + Jdbc.DATABASE_MILLIS + " - " + WINDOW_MILLIS);
    }

    /** Writes what is waiting (for a couple of seconds at most: the store may be the reason it waits). */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(2, TimeUnit.SECONDS)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
