package dev.passgate.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages from one node to another through the shared store: a row in
 * {@code passgate_cluster_message} per message, so that none is lost, and on PostgreSQL a
 * {@code NOTIFY} on the target's channel so that it acts at once; a node that has missed one (or
 * runs on H2) finds it at its next poll. A message is removed after its handler ran: a node that
 * dies in between acts on it again when it comes back, so handlers must tolerate a repeat.
 */
public final class ClusterMessages implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMessages.class);

    /** One message as its node receives it. */
    public record Message(long id, String from, String kind, String payload) {
    }

    private final DataSource dataSource;
    private final Jdbc jdbc;
    private final String node;
    private final Duration poll;
    private final Map<String, Consumer<Message>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> listening = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread listener;
    /**
     * The nodes listening in this JVM, by name: H2 has no NOTIFY, so a sender wakes a listener here
     * itself (nodes in other processes find the message at their next poll). A wake of a namesake on
     * another store only costs it one look.
     */
    private static final Map<String, Set<ClusterMessages>> IN_THIS_JVM = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);

    /** @param poll how long a node waits, at most, before it looks for messages without being told */
    public ClusterMessages(DataSource dataSource, String node, Duration poll) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
        this.node = node;
        this.poll = poll;
    }

    /** The node these messages are for (its system name). */
    public String node() {
        return node;
    }

    /** What to do with messages of one kind (an enum's name, by the sender's and receiver's convention). */
    public void on(String kind, Consumer<Message> handler) {
        handlers.put(kind, handler);
    }

    /** Runs each time this node starts listening (at start, and again after losing the store). */
    public void onListening(Runnable hook) {
        listening.add(hook);
    }

    /** Sends a message; it is committed when this returns, whether or not the target is up. */
    public void send(String targetNode, String kind, String payload) {
        jdbc.update("INSERT INTO passgate_cluster_message (target_node, sent_by, kind, payload) VALUES (?, ?, ?, ?)",
                targetNode, node, kind, payload);
        if (jdbc.vendor() == StoreVendor.POSTGRESQL) {
            jdbc.queryOne("SELECT pg_notify(?, '')", rs -> 1, channel(targetNode));
        } else {
            IN_THIS_JVM.getOrDefault(targetNode, Set.of()).forEach(m -> m.wake.release());
        }
    }

    /** Drops the messages waiting for a node the cluster forgot: its sessions are logged out, what they asked is moot. */
    public void discardFor(String targetNode) {
        jdbc.update("DELETE FROM passgate_cluster_message WHERE target_node = ?", targetNode);
    }

    public void start() {
        running = true;
        if (jdbc.vendor() != StoreVendor.POSTGRESQL) {
            IN_THIS_JVM.computeIfAbsent(node, n -> ConcurrentHashMap.newKeySet()).add(this);
            listening.forEach(Runnable::run);
        }
        listener = new Thread(this::listen, "PassGateClusterMessages");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen() {
        while (running) {
            try {
                if (jdbc.vendor() == StoreVendor.POSTGRESQL) {
                    listenOnPostgres();
                } else {
                    if (wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS)) {
                        wake.drainPermits(); // one look delivers everything sent so far
                    }
                    deliver();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | SQLException e) {
                if (running) {
                    LOG.warn("Cluster messages: {}; trying again in {} ms", e.toString(), poll.toMillis());
                    try {
                        Thread.sleep(poll.toMillis());
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }
    }

    /** One connection kept for LISTEN; each wake (a notification, or the poll time) delivers what is waiting. */
    private void listenOnPostgres() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN \"" + channel(node) + "\"");
            }
            PGConnection pg = c.unwrap(PGConnection.class);
            listening.forEach(Runnable::run);
            deliver(); // what was sent while no one listened
            while (running) {
                pg.getNotifications((int) poll.toMillis());
                deliver();
            }
        }
    }

    /** Runs the handler of every message waiting for this node, oldest first, and removes it. */
    void deliver() {
        List<Message> waiting = jdbc.query("SELECT id, sent_by, kind, payload FROM passgate_cluster_message"
                + " WHERE target_node = ? ORDER BY id", rs -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4)), node);
        for (Message m : waiting) {
            Consumer<Message> handler = handlers.get(m.kind());
            try {
                if (handler == null) {
                    LOG.warn("Cluster message {} from {} of kind {} has no handler on this node: dropped", m.id(), m.from(),
                            m.kind());
                } else {
                    handler.accept(m);
                }
            } catch (RuntimeException e) {
                LOG.warn("Cluster message {} from {} ({}) failed: {}", m.id(), m.from(), m.kind(), e.toString());
            }
            jdbc.update("DELETE FROM passgate_cluster_message WHERE id = ?", m.id());
        }
    }

    private static String channel(String node) {
        return "passgate_" + node.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        // Only nodes on H2 are in the map: on PostgreSQL NOTIFY wakes the listener.
        IN_THIS_JVM.computeIfPresent(node, (n, here) -> {
            here.remove(this);
            return here.isEmpty() ? null : here;
        });
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
