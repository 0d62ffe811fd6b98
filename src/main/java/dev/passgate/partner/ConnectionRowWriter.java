package dev.passgate.partner;

import dev.passgate.store.Jdbc;
import dev.passgate.store.StoreVendor;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes this node's connection rows on one background thread, in batches of whatever has
 * piled up over {@link #LINGER_MILLIS}, each batch one transaction. Changes to one connection
 * are folded together first: a connection that opens and closes within that time (a daemon
 * connection's logon takes a millisecond or two) never reaches the database at all. Partner
 * lookups from other nodes do not wait for it: they ask this node, which answers from memory.
 */
final class ConnectionRowWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRowWriter.class);
    /** H2's upsert: PostgreSQL has no MERGE ... KEY. */
    private static final String MERGE = "MERGE INTO passgate_connection (node, conn_id, local_host, local_port,"
            + " remote_host, remote_port, owner_utoken, task_utoken, registered_at) KEY (node, conn_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** PostgreSQL's upsert, with the same parameters. */
    private static final String ON_CONFLICT = "INSERT INTO passgate_connection (node, conn_id, local_host, local_port,"
            + " remote_host, remote_port, owner_utoken, task_utoken, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (node, conn_id) DO UPDATE SET local_host = EXCLUDED.local_host,"
            + " local_port = EXCLUDED.local_port, remote_host = EXCLUDED.remote_host, remote_port = EXCLUDED.remote_port,"
            + " owner_utoken = EXCLUDED.owner_utoken, task_utoken = EXCLUDED.task_utoken,"
            + " registered_at = EXCLUDED.registered_at";
    private static final String DELETE = "DELETE FROM passgate_connection WHERE node = ? AND conn_id = ?";

    static final long LINGER_MILLIS = 25;
    /** The first wait before a failed batch is written again; it doubles up to {@link #RETRY_MAX_MILLIS}. */
    static final long RETRY_MILLIS = 100;
    static final long RETRY_MAX_MILLIS = 5_000;

    private record Key(String node, long id) {
    }

    private final Jdbc jdbc;
    /** The latest wish per connection: its row, or null for "delete it". */
    private Map<Key, ClusterStore.ConnectionRow> pending = new LinkedHashMap<>();
    /** Connections whose row is in the database now. */
    private final Set<Key> written = new HashSet<>();
    private long requested;
    private long done;
    private boolean urgent;
    private boolean closed;
    private long retryMillis; // 0 while writes succeed
    private long failedBatches;
    private final Thread thread;

    ConnectionRowWriter(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.thread = new Thread(this::run, "PassGateClusterWriter");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void publish(ClusterStore.ConnectionRow row) {
        pending.put(new Key(row.node(), row.id()), row);
        requested++;
        notifyAll();
    }

    synchronized void withdraw(String node, long id) {
        Key key = new Key(node, id);
        if (written.contains(key)) {
            pending.put(key, null);
        } else {
            pending.remove(key); // never written: nothing to delete
        }
        requested++;
        notifyAll();
    }

    /** Waits (up to 10 s) until everything asked for so far is in the database. */
    synchronized void flush() {
        long target = requested;
        long deadline = System.currentTimeMillis() + 10_000;
        urgent = true;
        notifyAll();
        try {
            while (done < target && !closed && System.currentTimeMillis() < deadline) {
                wait(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            Map<Key, ClusterStore.ConnectionRow> batch;
            long upTo;
            synchronized (this) {
                while (pending.isEmpty() && done == requested && !closed) {
                    waitQuietly(0);
                }
                // Let short-lived connections cancel out; publishes wake the thread, so wait to a deadline.
                long deadline = System.currentTimeMillis() + LINGER_MILLIS;
                for (long left = LINGER_MILLIS; left > 0 && !urgent && !closed;
                        left = deadline - System.currentTimeMillis()) {
                    waitQuietly(left);
                }
                urgent = false;
                if (closed && pending.isEmpty()) {
                    return;
                }
                batch = pending;
                pending = new LinkedHashMap<>();
                upTo = requested;
                batch.forEach((key, row) -> {
                    if (row == null) {
                        written.remove(key);
                    } else {
                        written.add(key);
                    }
                });
            }
            boolean ok = write(batch);
            synchronized (this) {
                if (ok || closed) {
                    // at close a failed batch is not tried for ever: the node's rows go with it anyway (leave, join)
                    retryMillis = 0;
                    done = upTo;
                    notifyAll();
                    continue;
                }
            }
            requeue(batch);
        }
    }

    /**
     * A batch that failed goes back in front of what came since (a newer wish for a connection
     * wins), to be written again after a growing pause: a lost row would make every partner
     * lookup for that connection fail, so the writer keeps trying while the store is down.
     */
    private synchronized void requeue(Map<Key, ClusterStore.ConnectionRow> batch) {
        failedBatches++;
        batch.forEach((key, row) -> {
            if (row == null) {
                written.add(key); // its row may still be there: the delete must be tried again
            }
        });
        Map<Key, ClusterStore.ConnectionRow> merged = new LinkedHashMap<>(batch);
        merged.putAll(pending);
        pending = merged;
        retryMillis = retryMillis == 0 ? RETRY_MILLIS : Math.min(RETRY_MAX_MILLIS, retryMillis * 2);
        long deadline = System.currentTimeMillis() + retryMillis;
        for (long left = retryMillis; left > 0 && !closed; left = deadline - System.currentTimeMillis()) {
            waitQuietly(left);
        }
    }

    /** Batches that failed so far (each is written again). */
    synchronized long failedBatches() {
        return failedBatches;
    }

    private boolean write(Map<Key, ClusterStore.ConnectionRow> batch) {
        if (batch.isEmpty()) {
            return true;
        }
        try {
            jdbc.inTransaction(tx -> {
                tx.withStatement(jdbc.vendor() == StoreVendor.POSTGRESQL ? ON_CONFLICT : MERGE, ps -> {
                    for (ClusterStore.ConnectionRow r : batch.values()) {
                        if (r != null) {
                            ps.setString(1, r.node());
                            ps.setLong(2, r.id());
                            ps.setString(3, r.localHost());
                            ps.setInt(4, r.localPort());
                            ps.setString(5, r.remoteHost());
                            ps.setInt(6, r.remotePort());
                            ps.setString(7, r.ownerUToken());
                            ps.setString(8, r.taskUToken());
                            ps.setLong(9, r.registeredAt());
                            ps.addBatch();
                        }
                    }
                    ps.executeBatch();
                });
                tx.withStatement(DELETE, ps -> {
                    for (Map.Entry<Key, ClusterStore.ConnectionRow> e : batch.entrySet()) {
                        if (e.getValue() == null) {
                            ps.setString(1, e.getKey().node());
                            ps.setLong(2, e.getKey().id());
                            ps.addBatch();
                        }
                    }
                    ps.executeBatch();
                });
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            // Without its row, another node's partner lookup for that connection fails: an error, and written again.
            LOG.error("{} cluster connection rows not written, trying again: {}", batch.size(), e.getMessage());
            return false;
        }
    }

    private void waitQuietly(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
