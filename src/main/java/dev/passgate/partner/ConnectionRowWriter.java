package dev.passgate.partner;

import dev.passgate.store.Jdbc;
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
 * connection's logon takes a millisecond or two) never reaches the database at all. A partner
 * lookup from another node waits that much longer at most, well inside its timeout.
 */
final class ConnectionRowWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRowWriter.class);
    private static final String MERGE = "MERGE INTO passgate_connection (node, conn_id, local_host, local_port,"
            + " remote_host, remote_port, owner_utoken, task_utoken, registered_at) KEY (node, conn_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM passgate_connection WHERE node = ? AND conn_id = ?";

    static final long LINGER_MILLIS = 25;

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
            write(batch);
            synchronized (this) {
                done = upTo;
                notifyAll();
            }
        }
    }

    private void write(Map<Key, ClusterStore.ConnectionRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            jdbc.inTransaction(tx -> {
                tx.withStatement(MERGE, ps -> {
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
        } catch (RuntimeException e) {
            // A missing row only makes a partner lookup time out; it must not stop the writer.
            LOG.warn("{} cluster connection rows not written: {}", batch.size(), e.toString());
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
