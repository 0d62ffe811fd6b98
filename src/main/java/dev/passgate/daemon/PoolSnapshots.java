package dev.passgate.daemon;

import dev.passgate.partner.ClusterView;
import dev.passgate.pool.ThreadPool;
import dev.passgate.pool.ThreadPoolSelector;
import dev.passgate.store.Jdbc;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's thread pools as the other nodes see them: pools live only in their node's memory,
 * so each node writes a snapshot of its own into {@code passgate_pool_snapshot} every
 * {@link #EVERY_MILLIS} (on a thread of its own, never on a logon's), and DISPLAY PROCESS on any
 * node reads the other live nodes' snapshots beside its own pools. A node's rows go when it stops.
 */
public final class PoolSnapshots implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PoolSnapshots.class);
    public static final long EVERY_MILLIS = 2_000;

    /**
     * One pool of another node, as that node last published it.
     *
     * @param ageMillis how long ago it was published, by the database's clock
     */
    public record Snapshot(String node, int pool, int clients, int maxClients, int threads, int activeThreads,
            long ageMillis) {
    }

    private final Jdbc jdbc;
    private final String node;
    private final ThreadPoolSelector pools;
    private final AtomicBoolean storeFailing = new AtomicBoolean();
    private ScheduledExecutorService publisher;

    public PoolSnapshots(Jdbc jdbc, String node, ThreadPoolSelector pools) {
        this.jdbc = jdbc;
        this.node = node;
        this.pools = pools;
    }

    /** Publishes now and then every {@link #EVERY_MILLIS} until {@link #close}. */
    public synchronized void start() {
        publisher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "PassGatePoolSnapshots");
            t.setDaemon(true);
            return t;
        });
        publisher.scheduleWithFixedDelay(this::publish, 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Replaces this node's snapshot with its pools as they are now. */
    void publish() {
        List<ThreadPool> now = pools.pools();
        try {
            jdbc.inTransaction(tx -> {
                tx.update("DELETE FROM passgate_pool_snapshot WHERE node = ?", node);
                for (ThreadPool p : now) {
                    tx.update("INSERT INTO passgate_pool_snapshot (node, pool_id, clients, max_clients, threads,"
                            + " active_threads, published_at) VALUES (?, ?, ?, ?, ?, ?, " + Jdbc.DATABASE_MILLIS + ")", node,
                            p.id(), p.clients(), p.maxClients(), p.threads(), p.activeThreads());
                }
                return null;
            });
            if (storeFailing.compareAndSet(true, false)) {
                LOG.info("This node's thread pools are published in the store again");
            }
        } catch (RuntimeException e) {
            if (storeFailing.compareAndSet(false, true)) {
                LOG.warn("This node's thread pools not published in the store ({}): other nodes' DISPLAY PROCESS"
                        + " shows them as they were", e.toString());
            }
        }
    }

    /** The pools of every other live node, by node and pool. */
    public List<Snapshot> otherLiveNodes() {
        return jdbc.query("SELECT p.node, p.pool_id, p.clients, p.max_clients, p.threads, p.active_threads, "
                + Jdbc.DATABASE_MILLIS + " - p.published_at FROM passgate_pool_snapshot p JOIN passgate_node n"
                + " ON n.name = p.node WHERE p.node <> ? AND n.heartbeat > " + Jdbc.DATABASE_MILLIS + " - "
                + ClusterView.ALIVE_MILLIS + " ORDER BY p.node, p.pool_id",
                rs -> new Snapshot(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                        rs.getLong(7)), node);
    }

    /** Stops publishing and takes this node's snapshot out of the store: it leaves. */
    @Override
    public synchronized void close() {
        if (publisher == null) {
            return;
        }
        publisher.shutdownNow();
        try {
            publisher.awaitTermination(2, TimeUnit.SECONDS);
            jdbc.update("DELETE FROM passgate_pool_snapshot WHERE node = ?", node);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("This node's thread pools not taken out of the store ({}): other nodes stop showing them once"
                    + " it is seen as stopped", e.toString());
        }
        publisher = null;
    }
}
