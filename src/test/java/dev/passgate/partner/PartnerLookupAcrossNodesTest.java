package dev.passgate.partner;

import static dev.passgate.partner.PartnerRequest.BOTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.store.ClusterMessages;
import dev.passgate.store.Jdbc;
import dev.passgate.support.TestDatabases;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partner lookups between nodes by message: the node that owns the far end answers from its own
 * connections, the node to ask is told by the addresses the nodes registered, and a lookup whose
 * owner has gone times out. On H2 here; {@link PartnerLookupAcrossNodesPostgresTest} on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerLookupAcrossNodesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dataA;
    @TempDir
    static Path dataB;
    @TempDir
    static Path dataC;
    private TwoNodes nodes;
    private PartnerInfoService onA;
    private PartnerInfoService onB;
    private SecurityEnvironment server;
    private SecurityEnvironment joeOnB;
    private Jdbc store;

    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }

    @BeforeAll
    void start() throws Exception {
        // Node B's connections may also come from 127.0.0.5, which no other node names.
        nodes = new TwoNodes(dataA, dataB, Map.of(), Map.of("passgate.cluster.addresses", "127.0.0.1,127.0.0.5"),
                engine());
        onA = TwoNodes.partners(nodes.a);
        onB = TwoNodes.partners(nodes.b);
        server = TwoNodes.environment(nodes.a, "SERVER");
        joeOnB = TwoNodes.environment(nodes.b, "JOE");
        store = new Jdbc(nodes.a.passGate.security().dataSource());
    }

    @AfterAll
    void stop() throws Exception {
        nodes.close();
    }

    private PartnerServerSocket listenOnA() throws Exception {
        PartnerServerSocket listener = onA.serverSocket(null);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return listener;
    }

    private int rowsOf(String node) {
        return store.queryOne("SELECT COUNT(*) FROM passgate_connection WHERE node = ?", rs -> rs.getInt(1), node)
                .orElseThrow();
    }

    @Test
    void theOwningNodeAnswersFromItsOwnConnectionsNotFromTheRowsInTheStore() throws Exception {
        try (PartnerServerSocket listener = listenOnA();
                PartnerSocket client = onB.socket(joeOnB)) {
            client.connect(listener.getLocalSocketAddress(), 5000);
            try (PartnerSocket accepted = listener.accept()) {
                onB.clusterView().store().flush();
                assertTrue(rowsOf("PG02") > 0, "node B has written its connection rows");
                // Without its rows, only node B itself can tell who is at its end.
                store.update("DELETE FROM passgate_connection WHERE node = 'PG02'");

                PartnerInfo info = accepted.partnerInfo(BOTH, WAIT, server);

                assertEquals(PartnerOutcome.OK, info.outcome(), info.toString());
                assertEquals("PG02", info.node());
                assertEquals("JOE", info.taskUser());
                assertEquals("PASSGATE", info.addressSpaceUser());
                assertEquals("JOE", onA.utokens().verify(info.taskUToken()).orElseThrow().user());
                assertEquals(EnumSet.of(Routing.SAME_CLUSTER, Routing.INTERNAL), info.routing());
            }
        }
    }

    @Test
    void theRoutingComesFromTheAddressesTheNodesRegistered() throws Exception {
        try (PartnerServerSocket listener = listenOnA();
                Socket fromB = LineClient.connect(new Socket(), "127.0.0.5", listener.getLocalPort());
                PartnerSocket acceptedFromB = listener.accept();
                Socket fromNoNode = LineClient.connect(new Socket(), "127.0.0.6", listener.getLocalPort());
                PartnerSocket acceptedFromNoNode = listener.accept()) {
            PartnerConnection registered = onB.register(fromB, joeOnB);

            PartnerInfo info = acceptedFromB.partnerInfo(BOTH, WAIT, server);
            assertEquals(PartnerOutcome.OK, info.outcome(), info.toString());
            assertEquals("PG02", info.node(), "127.0.0.5 is node B's alone: B is asked");
            assertEquals("JOE", info.taskUser());
            assertEquals(EnumSet.of(Routing.SAME_CLUSTER, Routing.INTERNAL), info.routing());

            PartnerInfo outside = acceptedFromNoNode.partnerInfo(BOTH, Duration.ZERO, server);
            assertEquals(PartnerOutcome.OK, outside.outcome(), "no node registered 127.0.0.6: known at once");
            assertEquals(EnumSet.of(Routing.NONE), outside.routing());
            assertNull(outside.taskUser());
            onB.closed(registered);
        }
    }

    @Test
    void aNodeOnAnotherMachineIsNotAskedAboutALoopbackConnection() throws Exception {
        // PG08 runs elsewhere; like every node by default it registered loopback among its addresses.
        store.update("INSERT INTO passgate_node (name, tcpip, domain_name, addresses, home, started_at, heartbeat)"
                + " VALUES ('PG08', 'TCPIP', 'PLEX1', '127.0.0.1', 'elsewhere:/srv/passgate', 0, "
                + Jdbc.DATABASE_MILLIS + ")");
        try {
            awaitAlive("PG08");
            try (PartnerServerSocket listener = listenOnA();
                    PartnerSocket client = onB.socket(joeOnB)) {
                client.connect(listener.getLocalSocketAddress(), 5000);
                try (PartnerSocket accepted = listener.accept()) {
                    PartnerInfo info = accepted.partnerInfo(BOTH, WAIT, server);

                    assertEquals(PartnerOutcome.OK, info.outcome(), info.toString());
                    assertEquals("PG02", info.node());
                    assertEquals(0, store.queryOne("SELECT COUNT(*) FROM passgate_cluster_message WHERE target_node"
                            + " = 'PG08'", rs -> rs.getInt(1)).orElseThrow(), "PG08 was not asked");
                }
            }
        } finally {
            store.update("DELETE FROM passgate_node WHERE name = 'PG08'");
            store.update("DELETE FROM passgate_cluster_message WHERE target_node = 'PG08'");
        }
    }

    private void awaitAlive(String node) throws InterruptedException {
        dev.passgate.testkit.Eventually.waitFor(() -> {
            onA.clusterView().refresh();
            return onA.clusterView().isAlive(node);
        });
    }

    @Test
    void aLookupWhoseOwnerHasStoppedTimesOut() throws Exception {
        Map<String, String> settings = new HashMap<>(TwoNodes.node("PG03"));
        settings.putAll(nodes.store);
        try (PartnerServerSocket listener = listenOnA();
                Socket fromC = LineClient.connect(new Socket(), null, listener.getLocalPort());
                PartnerSocket accepted = listener.accept()) {
            try (RunningPassGate c = new RunningPassGate(dataC, settings)) {
                TwoNodes.partners(c).register(fromC, null);
                awaitAlive("PG03");
                // B and C both come from 127.0.0.1: both are asked, C answers.
                PartnerInfo whileUp = accepted.partnerInfo(PartnerRequest.USER_ID, WAIT, server);
                assertEquals(PartnerOutcome.OK, whileUp.outcome(), whileUp.toString());
                assertEquals("PG03", whileUp.node());
            }

            long start = System.nanoTime();
            PartnerInfo gone = accepted.partnerInfo(BOTH, Duration.ofSeconds(2), server);
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(PartnerOutcome.TIMED_OUT, gone.outcome());
            assertEquals(EnumSet.of(Routing.NONE), gone.routing());
            assertNull(gone.addressSpaceUser());
            assertTrue(waitedMillis >= 2000 && waitedMillis < WAIT.toMillis(), "waited " + waitedMillis + " ms");
        }
    }

    @Test
    void anAnswerWithAUTokenThisClusterDidNotSignIsOutsideTheCluster() throws Exception {
        // PG07 plays a node at 127.0.0.7 that answers every lookup with a token of another key.
        store.update("INSERT INTO passgate_node (name, tcpip, domain_name, addresses, started_at, heartbeat) VALUES"
                + " ('PG07', 'TCPIP', 'PLEX1', '127.0.0.7', 0, " + Jdbc.DATABASE_MILLIS + ")");
        String forged = new UTokens("PASSGATE", "PG07", new byte[32], java.time.Clock.systemUTC())
                .issue("SYSADM", "SYS1", List.of("SYS1"));
        ObjectMapper json = new ObjectMapper();
        AtomicInteger asked = new AtomicInteger();
        ClusterMessages pg07 = new ClusterMessages(nodes.a.passGate.security().dataSource(), "PG07",
                Duration.ofMillis(100));
        pg07.on(PartnerLookups.Kind.PARTNER_LOOKUP.name(), m -> {
            asked.incrementAndGet();
            try {
                PartnerLookups.Lookup q = json.readValue(m.payload(), PartnerLookups.Lookup.class);
                pg07.send(m.from(), PartnerLookups.Kind.PARTNER_ANSWER.name(), json.writeValueAsString(
                        new PartnerLookups.Answer(q.id(), true, forged, forged, System.currentTimeMillis())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        pg07.start();
        TwoNodes.awaitNodeAt(onA, "127.0.0.7");
        try (PartnerServerSocket listener = listenOnA();
                Socket intruder = LineClient.connect(new Socket(), "127.0.0.7", listener.getLocalPort());
                PartnerSocket accepted = listener.accept()) {
            PartnerInfo info = accepted.partnerInfo(BOTH, WAIT, server);

            assertEquals(1, asked.get(), "PG07 was asked");
            assertEquals(PartnerOutcome.OK, info.outcome());
            assertEquals(EnumSet.of(Routing.NONE), info.routing());
            assertNull(info.taskUser());
            assertNull(info.addressSpaceUToken());
        } finally {
            pg07.close();
            store.update("DELETE FROM passgate_node WHERE name = 'PG07'");
        }
    }
}
