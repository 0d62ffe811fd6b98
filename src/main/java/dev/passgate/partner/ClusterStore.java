package dev.passgate.partner;

import dev.passgate.security.SecretBox;
import dev.passgate.store.Jdbc;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's shared state in the database every node uses: the cluster's name and UTOKEN
 * key, its nodes, and the connections each node owns. Connection rows are written in the
 * background ({@link ConnectionRowWriter}), so that a logon never waits on them; another node
 * reads them only when it cannot tell which node to ask ({@link PartnerLookups}).
 */
public final class ClusterStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterStore.class);
    private static final String KEY_PLACE = "passgate_cluster.key";

    /**
     * A node as the others see it.
     *
     * @param endpoint where its daemon is reached (host:port), named to a node that asks for its name
     * @param home     its host and data folder: what tells its own next life from another node
     * @param silentMillis how long ago it last said it runs, by the database's clock (ignored by {@link #join})
     */
    public record Node(String name, String tcpip, String domain, List<String> addresses, String endpoint, String home,
            long silentMillis) {
    }

    /** Another node runs under this node's name: starting would take its rows away from under it. */
    public static final class NameInUseException extends IllegalStateException {
        public NameInUseException(String message) {
            super(message);
        }
    }

    /**
     * A connection row: one end's sockets and the signed identities owning it.
     *
     * @param registeredAt when the owning node registered the connection (epoch milliseconds)
     */
    public record ConnectionRow(String node, long id, String localHost, int localPort, String remoteHost, int remotePort,
            String ownerUToken, String taskUToken, long registeredAt) {
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final ConnectionRowWriter writes;

    public ClusterStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.writes = new ConnectionRowWriter(jdbc);
    }

    /**
     * The cluster's UTOKEN key: made by the first node that starts on this database, read by
     * every later one.
     *
     * @throws IllegalStateException when the database belongs to a cluster of another name
     */
    public byte[] clusterKey(String clusterName, SecretBox box) {
        Optional<String[]> existing = cluster();
        if (existing.isEmpty()) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                jdbc.update("INSERT INTO passgate_cluster (id, name, sealed_key, created_at) VALUES (1, ?, ?, ?)",
                        clusterName, box.seal(Base64.getEncoder().encodeToString(key), KEY_PLACE), clock.millis());
                LOG.info("Cluster {} created: this node made its UTOKEN key", clusterName);
                return key;
            } catch (Jdbc.StoreException e) {
                if (!e.isUniqueViolation()) {
                    throw e;
                }
                existing = cluster(); // another node made it at the same moment
            }
        }
        String[] row = existing.orElseThrow();
        if (!row[0].equals(clusterName)) {
            throw new IllegalStateException("this database belongs to cluster " + row[0]
                    + ", but passgate.cluster.name is " + clusterName + ": one database holds one cluster");
        }
        return Base64.getDecoder().decode(box.open(row[1], KEY_PLACE));
    }

    private Optional<String[]> cluster() {
        return jdbc.queryOne("SELECT name, sealed_key FROM passgate_cluster WHERE id = 1",
                rs -> new String[] {rs.getString(1), rs.getString(2)});
    }

    /**
     * Records this node and drops its old connection rows. The rows of a node of the same name are
     * taken over when that node is dead (no heartbeat for {@code aliveMillis}) or was this node's
     * own previous life (same home: a data folder belongs to one node).
     *
     * @throws NameInUseException when a live node elsewhere has the name
     */
    public void join(Node node, long aliveMillis) {
        try {
            joinOnce(node, aliveMillis);
        } catch (Jdbc.StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            joinOnce(node, aliveMillis); // a node of the same name joined at the same moment: judge its row now
        }
    }

    private void joinOnce(Node node, long aliveMillis) {
        jdbc.inTransaction(tx -> {
            Optional<Node> other = tx.queryOne("SELECT endpoint, home, " + Jdbc.DATABASE_MILLIS + " - heartbeat"
                    + " FROM passgate_node WHERE name = ? FOR UPDATE", rs -> new Node(node.name(), null, null, List.of(),
                    rs.getString(1), rs.getString(2), rs.getLong(3)), node.name());
            if (other.isPresent() && other.get().silentMillis() < aliveMillis
                    && !node.home().equals(other.get().home())) {
                throw new NameInUseException(nameInUse(node.name(), other.get(), aliveMillis));
            }
            tx.update("DELETE FROM passgate_connection WHERE node = ?", node.name());
            tx.update("DELETE FROM passgate_node WHERE name = ?", node.name());
            tx.update("INSERT INTO passgate_node (name, tcpip, domain_name, addresses, endpoint, home, started_at,"
                    + " heartbeat) VALUES (?, ?, ?, ?, ?, ?, ?, " + Jdbc.DATABASE_MILLIS + ")", node.name(), node.tcpip(),
                    node.domain(), String.join(",", node.addresses()), node.endpoint(), node.home(), clock.millis());
            return null;
        });
    }

    private static String nameInUse(String name, Node other, long aliveMillis) {
        long silentSeconds = Math.max(0, other.silentMillis()) / 1000;
        return "the system name " + name + " is in use by a running node at "
                + (other.endpoint() == null ? "an unknown address" : other.endpoint()) + " (its last heartbeat "
                + silentSeconds + " s ago): give this node a name of its own with passgate.system.name (1 to 8"
                + " characters); if that node has died, its name is free " + (aliveMillis / 1000 - silentSeconds)
                + " s from now";
    }

    /**
     * Says that this node still runs.
     *
     * @return false when the node has no row any more: the others found it lost and logged its
     *         sessions out (it was cut off from the store for too long)
     */
    public boolean beat(String node) {
        return jdbc.update("UPDATE passgate_node SET heartbeat = " + Jdbc.DATABASE_MILLIS + " WHERE name = ?", node) == 1;
    }

    /**
     * The other nodes silent for longer than {@code silentMillis} by the database's clock: killed,
     * cut off from the store, or stopped (a stopped node's heartbeat is 0), oldest silence first.
     */
    public List<String> lostNodes(String self, long silentMillis) {
        return jdbc.query("SELECT name FROM passgate_node WHERE name <> ? AND " + Jdbc.DATABASE_MILLIS + " - heartbeat > ?"
                + " ORDER BY heartbeat", rs -> rs.getString(1), self, silentMillis);
    }

    /**
     * Forgets a lost node, once its sessions are logged out: its row and its connections' rows go,
     * unless it has beaten again meanwhile (then it is not lost, and keeps them).
     *
     * @return whether it was forgotten
     */
    public boolean forget(String node, long silentMillis) {
        return jdbc.inTransaction(tx -> {
            if (tx.update("DELETE FROM passgate_node WHERE name = ? AND " + Jdbc.DATABASE_MILLIS + " - heartbeat > ?", node,
                    silentMillis) != 1) {
                return false;
            }
            tx.update("DELETE FROM passgate_connection WHERE node = ?", node);
            return true;
        });
    }

    /**
     * Takes this node's connections out of the cluster's view (at shutdown). The node row stays,
     * as a stopped node: its name is free at once.
     */
    public void leave(String node) {
        flush();
        jdbc.update("DELETE FROM passgate_connection WHERE node = ?", node);
        jdbc.update("UPDATE passgate_node SET heartbeat = 0 WHERE name = ?", node);
    }

    public List<Node> nodes() {
        return jdbc.query("SELECT name, tcpip, domain_name, addresses, endpoint, home, " + Jdbc.DATABASE_MILLIS
                + " - heartbeat FROM passgate_node", rs -> new Node(rs.getString(1), rs.getString(2), rs.getString(3),
                Arrays.asList(rs.getString(4).split(",")), rs.getString(5), rs.getString(6), rs.getLong(7)));
    }

    /** Writes (or rewrites) a connection's row, soon, on the writer thread. */
    public void publish(ConnectionRow row) {
        writes.publish(row);
    }

    /** Deletes a connection's row, soon; a row that was never written costs nothing. */
    public void withdraw(String node, long id) {
        writes.withdraw(node, id);
    }

    /**
     * The rows of other nodes' connections with exactly these ends, newest first: normally none (not
     * written yet) or one; more only when a node that crashed left an old one behind.
     */
    public List<ConnectionRow> find(String localHost, int localPort, String remoteHost, int remotePort,
            String exceptNode) {
        return jdbc.query("SELECT node, conn_id, local_host, local_port, remote_host, remote_port, owner_utoken,"
                + " task_utoken, registered_at FROM passgate_connection WHERE local_host = ? AND local_port = ?"
                + " AND remote_host = ? AND remote_port = ? AND node <> ? ORDER BY registered_at DESC",
                rs -> new ConnectionRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getString(8), rs.getLong(9)),
                localHost, localPort, remoteHost, remotePort, exceptNode);
    }

    /** Waits until every row handed to the writer so far is written. */
    public void flush() {
        writes.flush();
    }

    @Override
    public void close() {
        writes.close();
    }
}
