package dev.passgate.partner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.security.SecretBox;
import dev.passgate.store.Database;
import dev.passgate.store.Jdbc;
import dev.passgate.support.TestDatabases;
import dev.passgate.testkit.TestPassGate;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster's tables on a real database (H2 here): its key, its nodes, the connection rows. */
class ClusterStoreTest {

    @TempDir
    Path folder;
    private Database database;
    private ClusterStore store;
    private final SecretBox box = new SecretBox(HexFormat.of().parseHex(TestPassGate.MASTER_KEY));

    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }

    @BeforeEach
    void open() {
        database = TestDatabases.open(engine(), folder);
        store = new ClusterStore(new Jdbc(database.dataSource()), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
        database.close();
    }

    @Test
    void theFirstNodeMakesTheKeyLaterNodesReadItAndAnotherClusterNameIsRefused() {
        byte[] made = store.clusterKey("PLEX1", box);
        byte[] read = new ClusterStore(new Jdbc(database.dataSource()), Clock.systemUTC()).clusterKey("PLEX1", box);

        assertArrayEquals(made, read);
        assertEquals(32, made.length);
        String sealed = new Jdbc(database.dataSource()).queryOne("SELECT sealed_key FROM passgate_cluster",
                rs -> rs.getString(1)).orElseThrow();
        assertTrue(!sealed.contains(java.util.Base64.getEncoder().encodeToString(made)), "not stored in clear");
        byte[] otherMaster = new byte[32];
        assertThrows(IllegalStateException.class, () -> new SecretBox(otherMaster).open(sealed, "passgate_cluster.key"),
                "sealed under the master key");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.clusterKey("PLEX2", box));
        assertTrue(e.getMessage().contains("belongs to cluster PLEX1"), e.getMessage());
    }

    private static ClusterStore.ConnectionRow row(String node, long id, int localPort) {
        return new ClusterStore.ConnectionRow(node, id, "127.0.0.1", localPort, "127.0.0.1", 4035, "PGU1.owner", null,
                System.currentTimeMillis());
    }

    @Test
    void rowsArePublishedRewrittenAndWithdrawnInTheBackground() {
        store.publish(row("PG02", 1, 50001));
        store.flush();
        assertEquals(50001, store.find("127.0.0.1", 50001, "127.0.0.1", 4035, "PG01").get(0).localPort());
        assertTrue(store.find("127.0.0.1", 50001, "127.0.0.1", 4035, "PG02").isEmpty(), "a node's own rows are not asked");

        store.publish(new ClusterStore.ConnectionRow("PG02", 1, "127.0.0.1", 50001, "127.0.0.1", 4035, "PGU1.owner",
                "PGU1.task", System.currentTimeMillis()));
        store.flush();
        assertEquals("PGU1.task", store.find("127.0.0.1", 50001, "127.0.0.1", 4035, "PG01").get(0).taskUToken());

        store.withdraw("PG02", 1);
        store.flush();
        assertTrue(store.find("127.0.0.1", 50001, "127.0.0.1", 4035, "PG01").isEmpty());
    }

    @Test
    void aConnectionClosedBeforeItsRowWasWrittenLeavesNothing() {
        for (int i = 0; i < 1000; i++) {
            store.publish(row("PG02", i, 40000 + i));
            store.withdraw("PG02", i);
        }
        store.flush();
        assertEquals(0, new Jdbc(database.dataSource()).queryOne("SELECT COUNT(*) FROM passgate_connection",
                rs -> rs.getInt(1)).orElseThrow());
    }

    private static ClusterStore.Node node(String name, String domain, String endpoint, String home, String... addresses) {
        return new ClusterStore.Node(name, "TCPIP", domain, List.of(addresses), endpoint, home, 0);
    }

    /** Ages a node's heartbeat by the database's clock, as if it had stopped beating that long ago. */
    private void silence(String node, long millis) {
        new Jdbc(database.dataSource()).update("UPDATE passgate_node SET heartbeat = " + Jdbc.DATABASE_MILLIS
                + " - ? WHERE name = ?", millis, node);
    }

    @Test
    void aRestartingNodeReplacesItsRecordAndDropsWhatItsPreviousLifeLeft() {
        store.join(node("PG02", "PLEX1", "hosta:4035", "hosta:/srv/pg02"), ClusterView.ALIVE_MILLIS);
        store.publish(row("PG02", 7, 50007));
        store.flush();

        // its own previous life (same home), still fresh: a crash restarted at once
        store.join(node("PG02", "PLEX2", "hosta:4035", "hosta:/srv/pg02", "127.0.0.1", "10.1.1.5"),
                ClusterView.ALIVE_MILLIS);

        assertTrue(store.find("127.0.0.1", 50007, "127.0.0.1", 4035, "PG01").isEmpty());
        ClusterStore.Node node = store.nodes().get(0);
        assertEquals(List.of("PG02", "PLEX2", List.of("127.0.0.1", "10.1.1.5"), "hosta:4035"), List.of(node.name(),
                node.domain(), node.addresses(), node.endpoint()));
        assertEquals(1, store.nodes().size());
        assertTrue(node.silentMillis() < 5_000, "joining is the first heartbeat: " + node.silentMillis());
    }

    @Test
    void aSecondLiveNodeOfTheSameNameIsRefusedNamingTheFirstOnesAddressAndLeavesItsRowsAlone() {
        store.join(node("PGB", "PLEX1", "hosta.example.com:4035", "hosta:/srv/pgb", "10.1.1.1"), ClusterView.ALIVE_MILLIS);
        store.publish(row("PGB", 7, 50007));
        store.flush();

        ClusterStore.NameInUseException e = assertThrows(ClusterStore.NameInUseException.class, () -> store.join(
                node("PGB", "PLEX1", "hostb.example.com:4035", "hostb:/srv/pgb", "10.1.1.2"), ClusterView.ALIVE_MILLIS));

        assertTrue(e.getMessage().contains("PGB") && e.getMessage().contains("hosta.example.com:4035")
                && e.getMessage().contains("passgate.system.name"), e.getMessage());
        assertEquals(List.of("10.1.1.1"), store.nodes().get(0).addresses(), "the live node's record is untouched");
        assertEquals(1, store.find("127.0.0.1", 50007, "127.0.0.1", 4035, "PG01").size(), "and its connections");
    }

    @Test
    void aDeadNodesNameIsTakenOverAndAStoppedNodesNameIsFreeAtOnce() {
        store.join(node("PGB", "PLEX1", "hosta:4035", "hosta:/srv/pgb", "10.1.1.1"), ClusterView.ALIVE_MILLIS);
        silence("PGB", ClusterView.ALIVE_MILLIS + 1_000);
        store.join(node("PGB", "PLEX1", "hostb:4035", "hostb:/srv/pgb", "10.1.1.2"), ClusterView.ALIVE_MILLIS);
        assertEquals("hostb:4035", store.nodes().get(0).endpoint());

        store.leave("PGB");
        store.join(node("PGB", "PLEX1", "hostc:4035", "hostc:/srv/pgb", "10.1.1.3"), ClusterView.ALIVE_MILLIS);
        assertEquals("hostc:4035", store.nodes().get(0).endpoint());
    }

    @Test
    void livenessIsJudgedByTheDatabasesClockNotTheNodesOwn() {
        Clock hourAhead = Clock.offset(Clock.systemUTC(), java.time.Duration.ofHours(1));
        Clock hourBehind = Clock.offset(Clock.systemUTC(), java.time.Duration.ofHours(-1));
        ClusterStore behind = new ClusterStore(new Jdbc(database.dataSource()), hourBehind);
        behind.join(node("PGA", "PLEX1", "hosta:4035", "hosta:/srv/pga", "10.1.1.1"), ClusterView.ALIVE_MILLIS);
        ClusterStore ahead = new ClusterStore(new Jdbc(database.dataSource()), hourAhead);

        assertThrows(ClusterStore.NameInUseException.class, () -> ahead.join(
                node("PGA", "PLEX1", "hostb:4035", "hostb:/srv/pga", "10.1.1.2"), ClusterView.ALIVE_MILLIS),
                "a node whose clock runs an hour ahead still sees the other alive");
        ClusterView fromAhead = new ClusterView(ahead, "PGZ", "PLEX1", List.of(), hourAhead);
        assertTrue(fromAhead.isAlive("PGA"));

        silence("PGA", ClusterView.ALIVE_MILLIS + 1_000);
        ClusterView fromBehind = new ClusterView(behind, "PGY", "PLEX1", List.of(), hourBehind);
        assertTrue(!fromBehind.isAlive("PGA"), "a node whose clock runs behind still sees the other dead");
        behind.close();
        ahead.close();
    }

    @Test
    void connectionRowsThatCannotBeWrittenAreWrittenOnceTheStoreTakesThemAgain() throws Exception {
        Jdbc jdbc = new Jdbc(database.dataSource());
        try (ConnectionRowWriter writer = new ConnectionRowWriter(jdbc)) {
            jdbc.update("ALTER TABLE passgate_connection RENAME TO passgate_connection_away");
            writer.publish(row("PG02", 7, 50007));
            dev.passgate.testkit.Eventually.waitFor(() -> writer.failedBatches() > 0);
            jdbc.update("ALTER TABLE passgate_connection_away RENAME TO passgate_connection");
            writer.flush();
            assertEquals(50007, store.find("127.0.0.1", 50007, "127.0.0.1", 4035, "PG01").get(0).localPort(),
                    "the row is not lost with its failed batch");
        }
    }
}
