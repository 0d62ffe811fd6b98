package dev.passgate.partner;

import static dev.passgate.partner.PartnerRequest.BOTH;
import static dev.passgate.partner.PartnerRequest.ROUTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.security.SecurityEnvironment;
import dev.passgate.store.Jdbc;
import dev.passgate.testkit.Eventually;
import dev.passgate.testkit.LineClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Get and set partner info between two nodes of one cluster (and within one node), over real
 * loopback sockets: routing, credentials at both levels, timeouts, authority, and the NETSTAT
 * flags each case leaves.
 */
class PartnerInfoTest {

    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dataA;
    @TempDir
    static Path dataB;
    private static TwoNodes nodes;
    private static PartnerInfoService onA;
    private static PartnerInfoService onB;
    private static SecurityEnvironment server;
    private static SecurityEnvironment joeOnB;

    @BeforeAll
    static void start() throws Exception {
        nodes = new TwoNodes(dataA, dataB, Map.of());
        onA = TwoNodes.partners(nodes.a);
        onB = TwoNodes.partners(nodes.b);
        server = TwoNodes.environment(nodes.a, "SERVER");
        joeOnB = TwoNodes.environment(nodes.b, "JOE");
    }

    @AfterAll
    static void stop() throws Exception {
        nodes.close();
    }

    private static PartnerServerSocket listenOn(PartnerInfoService node, boolean setPartnerInfo) throws Exception {
        PartnerServerSocket listener = node.serverSocket(null);
        if (setPartnerInfo) {
            assertEquals(PartnerOutcome.OK, listener.setPartnerInfo());
        }
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return listener;
    }

    private static PartnerSocket connect(PartnerInfoService node, SecurityEnvironment task, PartnerServerSocket to)
            throws Exception {
        PartnerSocket s = node.socket(task);
        s.connect(to.getLocalSocketAddress(), 5000);
        return s;
    }

    private static Socket plain(String from, PartnerServerSocket to) throws Exception {
        return LineClient.connect(new Socket(), from, to.getLocalPort());
    }

    private static void assertUsers(PartnerInfo info, String node, String task) {
        assertEquals(PartnerOutcome.OK, info.outcome(), info.toString());
        assertEquals(node, info.node());
        assertEquals("PASSGATE", info.addressSpaceUser());
        assertEquals(task, info.taskUser());
        UTokens check = onA.utokens();
        assertEquals("PASSGATE", check.verify(info.addressSpaceUToken()).orElseThrow().user());
        assertEquals(node, check.verify(info.addressSpaceUToken()).orElseThrow().node());
        if (task != null) {
            assertEquals(task, check.verify(info.taskUToken()).orElseThrow().user());
        }
    }

    @Test
    void aPartnerOnTheSameNodeIsKnownAtOnceSameImageSameClusterInternal() throws Exception {
        try (PartnerServerSocket listener = listenOn(onA, false);
                PartnerSocket client = connect(onA, TwoNodes.environment(nodes.a, "JOE"), listener);
                PartnerSocket accepted = listener.accept()) {
            PartnerInfo info = accepted.partnerInfo(BOTH, NO_WAIT, server);

            assertUsers(info, "PG01", "JOE");
            assertEquals(EnumSet.of(Routing.SAME_IMAGE, Routing.SAME_CLUSTER, Routing.INTERNAL), info.routing());
            List<String> netstat = TwoNodes.netstat(nodes.a, client.getLocalPort());
            assertTrue(netstat.get(4).contains("TcpClusterConnFlag: 8E   TcpTrustedPartner: C0"), netstat.toString());
        }
    }

    @Test
    void aPartnerOnAnotherNodeIsFoundThroughTheClusterWithItsSessionUser() throws Exception {
        try (PartnerServerSocket listener = listenOn(onA, false);
                PartnerSocket client = connect(onB, joeOnB, listener);
                PartnerSocket accepted = listener.accept()) {
            PartnerInfo info = accepted.partnerInfo(BOTH, WAIT, server);

            assertUsers(info, "PG02", "JOE");
            assertEquals(EnumSet.of(Routing.SAME_CLUSTER, Routing.INTERNAL), info.routing());
            assertTrue(TwoNodes.netstat(nodes.a, client.getLocalPort()).get(4)
                    .contains("TcpClusterConnFlag: 8A   TcpTrustedPartner: C0"));

            // The other way round: the connecting node learns who accepted (no session there: node level only).
            PartnerInfo back = client.partnerInfo(PartnerRequest.USER_ID, WAIT, TwoNodes.environment(nodes.b, "SERVER"));
            assertEquals("PG01", back.node());
            assertEquals("PASSGATE", back.addressSpaceUser());
            assertNull(back.taskUser());
            assertNull(back.addressSpaceUToken(), "a USER_ID request returns no UTOKEN");
            assertTrue(TwoNodes.netstat(nodes.b, listener.getLocalPort()).get(4)
                    .contains("TcpClusterConnFlag: 8A   TcpTrustedPartner: 80"));
        }
    }

    @Test
    void aPartnerOutsideTheClusterIsNoneAtOnce() throws Exception {
        try (PartnerServerSocket listener = listenOn(onA, false);
                Socket outsider = plain("127.0.0.2", listener);
                PartnerSocket accepted = listener.accept()) {
            PartnerInfo info = accepted.partnerInfo(BOTH, NO_WAIT, server);

            assertEquals(PartnerOutcome.OK, info.outcome());
            assertEquals(EnumSet.of(Routing.NONE), info.routing());
            assertNull(info.addressSpaceUser());
            assertTrue(TwoNodes.netstat(nodes.a, outsider.getLocalPort()).get(4)
                    .contains("TcpClusterConnFlag: 81   TcpTrustedPartner: 00"));
        }
    }

    @Test
    void withoutSetANoWaitGetOnACrossNodeConnectionWouldBlock() throws Exception {
        try (PartnerServerSocket listener = listenOn(onA, false);
                PartnerSocket client = connect(onB, joeOnB, listener);
                PartnerSocket accepted = listener.accept()) {
            assertEquals(PartnerOutcome.WOULD_BLOCK, accepted.partnerInfo(BOTH, NO_WAIT, server).outcome());
        }
    }

    @Test
    void aLookupThatCanOnlySucceedLateWaitsForIt() throws Exception {
        try (PartnerServerSocket listener = listenOn(onA, false);
                Socket late = plain(null, listener);
                PartnerSocket accepted = listener.accept()) {
            long start = System.nanoTime();
            CompletableFuture<PartnerInfo> get = CompletableFuture.supplyAsync(() -> accepted.partnerInfo(BOTH, WAIT, server));
            Thread.sleep(1000);
            assertEquals(PartnerOutcome.ALREADY_PENDING, accepted.partnerInfo(BOTH, WAIT, server).outcome(),
                    "one outstanding get per connection");
            PartnerConnection registered = onB.register(late, joeOnB); // node B takes the connection over now

            PartnerInfo info = get.get();
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertUsers(info, "PG02", "JOE");
            assertTrue(waitedMillis >= 1000 && waitedMillis < WAIT.toMillis(), "waited " + waitedMillis + " ms");
            onB.closed(registered);
        }
    }

    @Test
    void aLookupThatCannotSucceedReturnsAfterTheTimeout() throws Exception {
        try (PartnerServerSocket listener = listenOn(onA, false);
                Socket nobody = plain(null, listener);
                PartnerSocket accepted = listener.accept()) {
            long start = System.nanoTime();
            PartnerInfo info = accepted.partnerInfo(BOTH, Duration.ofSeconds(1), server);
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(PartnerOutcome.TIMED_OUT, info.outcome());
            assertNull(info.addressSpaceUser());
            assertTrue(waitedMillis >= 1000 && waitedMillis < 5000, "waited " + waitedMillis + " ms");
        }
    }

    @Test
    void afterSetOnTheListenerAGetReturnsAtOnceAndBeforeTheCredentialsArriveItIsInProgress() throws Exception {
        try (PartnerServerSocket listener = listenOn(onA, true);
                Socket late = plain(null, listener);
                PartnerSocket accepted = listener.accept()) {
            assertEquals(PartnerOutcome.TOO_LATE, accepted.setPartnerInfo(), "set after the connection exists");
            assertEquals(PartnerOutcome.TOO_LATE, listener.setPartnerInfo(), "set after the listener is bound");
            assertEquals(PartnerOutcome.IN_PROGRESS, accepted.partnerInfo(BOTH, NO_WAIT, server).outcome());
            assertTrue(TwoNodes.netstat(nodes.a, late.getLocalPort()).get(4)
                    .contains("TcpClusterConnFlag: 80   TcpTrustedPartner: 20"));

            PartnerConnection registered = onB.register(late, joeOnB);
            Eventually.waitFor(() -> accepted.partnerInfo(BOTH, NO_WAIT, server).ok());

            assertUsers(accepted.partnerInfo(BOTH, NO_WAIT, server), "PG02", "JOE");
            assertTrue(TwoNodes.netstat(nodes.a, late.getLocalPort()).get(4)
                    .contains("TcpClusterConnFlag: 8A   TcpTrustedPartner: E0"));
            onB.closed(registered);
        }
    }

    @Test
    void setAloneLeavesTheClusterFlagAtZero() throws Exception {
        try (PartnerServerSocket listener = listenOn(onA, true);
                PartnerSocket client = connect(onB, joeOnB, listener);
                PartnerSocket accepted = listener.accept()) {
            assertTrue(TwoNodes.netstat(nodes.a, client.getLocalPort()).get(4)
                    .contains("TcpClusterConnFlag: 00   TcpTrustedPartner: 20"));
        }
    }

    @Test
    void setOnAnOutboundSocketBeforeConnect() throws Exception {
        try (PartnerServerSocket listener = listenOn(onA, false);
                PartnerSocket client = onB.socket(joeOnB)) {
            assertEquals(PartnerOutcome.OK, client.setPartnerInfo());
            client.connect(listener.getLocalSocketAddress(), 5000);
            try (PartnerSocket accepted = listener.accept()) {
                SecurityEnvironment serverOnB = TwoNodes.environment(nodes.b, "SERVER");
                Eventually.waitFor(() -> client.partnerInfo(BOTH, NO_WAIT, serverOnB).ok());
                assertEquals("PG01", client.partnerInfo(BOTH, NO_WAIT, serverOnB).node());
            }
        }
    }

    @Test
    void credentialsNeedReadOnTheServauthProfileRoutingDoesNot() throws Exception {
        SecurityEnvironment mary = TwoNodes.environment(nodes.a, "MARY");
        try (PartnerServerSocket listener = listenOn(onA, false);
                PartnerSocket client = connect(onB, joeOnB, listener);
                PartnerSocket accepted = listener.accept()) {
            PartnerInfo refused = accepted.partnerInfo(BOTH, WAIT, mary);
            assertEquals(PartnerOutcome.NOT_AUTHORIZED, refused.outcome());
            assertNull(refused.taskUser());
            assertNull(refused.taskUToken());

            PartnerInfo routing = accepted.partnerInfo(ROUTING, WAIT, mary);
            assertEquals(PartnerOutcome.OK, routing.outcome());
            assertEquals(EnumSet.of(Routing.SAME_CLUSTER, Routing.INTERNAL), routing.routing());
            assertNull(routing.taskUser());
        }
    }

    @Test
    void aClosedOrUnconnectedSocketIsNotConnected() throws Exception {
        PartnerSocket never = onA.socket(null);
        PartnerInfo info = never.partnerInfo(BOTH, NO_WAIT, server);
        assertEquals(PartnerOutcome.NOT_CONNECTED, info.outcome());
        assertEquals(EnumSet.of(Routing.NO_CONNECTION), info.routing());

        try (PartnerServerSocket listener = listenOn(onA, false)) {
            PartnerSocket client = connect(onA, null, listener);
            listener.accept().close();
            client.close();
            assertEquals(PartnerOutcome.NOT_CONNECTED, client.partnerInfo(BOTH, NO_WAIT, server).outcome());
        }
    }

    @Test
    void aConnectionRowWithAForgedUTokenIsTreatedAsOutsideTheCluster() throws Exception {
        byte[] otherKey = new byte[32];
        String forged = new UTokens("PASSGATE", "PG05", otherKey, java.time.Clock.systemUTC())
                .issue("SYSADM", "SYS1", List.of("SYS1"));
        // Two live nodes at 127.0.0.8: which one owns a connection from there is not known, so its row is read.
        dev.passgate.store.Jdbc store = new dev.passgate.store.Jdbc(nodes.a.passGate.security().dataSource());
        for (String node : List.of("PG05", "PG06")) {
            store.update("INSERT INTO passgate_node (name, tcpip, domain_name, addresses, started_at, heartbeat) VALUES"
                    + " (?, 'TCPIP', 'PLEX1', '127.0.0.8', 0, " + Jdbc.DATABASE_MILLIS + ")", node);
        }
        TwoNodes.awaitNodeAt(onA, "127.0.0.8");
        try (PartnerServerSocket listener = listenOn(onA, false);
                Socket intruder = plain("127.0.0.8", listener);
                PartnerSocket accepted = listener.accept()) {
            insertRow("PG05", "127.0.0.8", intruder.getLocalPort(), listener.getLocalPort(), forged,
                    System.currentTimeMillis());

            PartnerInfo info = accepted.partnerInfo(BOTH, WAIT, server);

            assertEquals(PartnerOutcome.OK, info.outcome(), "the row was found, and refused");
            assertEquals(EnumSet.of(Routing.NONE), info.routing());
            assertNull(info.taskUser());
            assertNull(info.addressSpaceUToken());
        } finally {
            store.update("DELETE FROM passgate_node WHERE name IN ('PG05', 'PG06')");
            store.update("DELETE FROM passgate_cluster_message WHERE target_node IN ('PG05', 'PG06')");
        }
    }

    /** A connection row as a node would write it, straight into the shared database. */
    private static void insertRow(String node, int localPort, int remotePort, String utoken, long registeredAt) {
        insertRow(node, "127.0.0.1", localPort, remotePort, utoken, registeredAt);
    }

    private static void insertRow(String node, String localHost, int localPort, int remotePort, String utoken,
            long registeredAt) {
        new dev.passgate.store.Jdbc(nodes.a.passGate.security().dataSource()).update("INSERT INTO passgate_connection"
                + " (node, conn_id, local_host, local_port, remote_host, remote_port, owner_utoken, task_utoken,"
                + " registered_at) VALUES (?, ?, ?, ?, '127.0.0.1', ?, ?, ?, ?)", node, -localPort, localHost, localPort,
                remotePort, utoken, utoken, registeredAt);
    }

    @Test
    void rowsLeftByACrashedNodeOrOlderThanTheConnectionLendNobodyTheirUser() throws Exception {
        // PG09 ran once and crashed: its node row has an old heartbeat, its connection rows stayed. PG05 and
        // PG06 run at the same address, so which node owns a connection from there is read from the rows.
        dev.passgate.store.Jdbc store = new dev.passgate.store.Jdbc(nodes.a.passGate.security().dataSource());
        store.update("INSERT INTO passgate_node (name, tcpip, domain_name, addresses, started_at, heartbeat) VALUES"
                + " ('PG09', 'TCPIP', 'PLEX1', '127.0.0.9', 0, 0)");
        for (String node : List.of("PG05", "PG06")) {
            store.update("INSERT INTO passgate_node (name, tcpip, domain_name, addresses, started_at, heartbeat) VALUES"
                    + " (?, 'TCPIP', 'PLEX1', '127.0.0.9', 0, " + Jdbc.DATABASE_MILLIS + ")", node);
        }
        TwoNodes.awaitNodeAt(onA, "127.0.0.9");
        String joe = onA.utokens().issue("JOE", "SYS1", List.of("SYS1"));
        try {
            try (PartnerServerSocket listener = listenOn(onA, false);
                    Socket stranger = plain("127.0.0.9", listener);
                    PartnerSocket accepted = listener.accept()) {
                insertRow("PG09", "127.0.0.9", stranger.getLocalPort(), listener.getLocalPort(), joe,
                        System.currentTimeMillis());
                PartnerInfo fromCrashedNode = accepted.partnerInfo(BOTH, Duration.ofSeconds(1), server);
                assertEquals(PartnerOutcome.TIMED_OUT, fromCrashedNode.outcome());
                assertNull(fromCrashedNode.taskUser());
            }
            try (PartnerServerSocket listener = listenOn(onA, false);
                    Socket stranger = plain("127.0.0.9", listener);
                    PartnerSocket accepted = listener.accept()) {
                insertRow("PG05", "127.0.0.9", stranger.getLocalPort(), listener.getLocalPort(), joe,
                        System.currentTimeMillis() - 3_600_000);
                PartnerInfo fromAnHourAgo = accepted.partnerInfo(BOTH, Duration.ofSeconds(1), server);
                assertEquals(PartnerOutcome.TIMED_OUT, fromAnHourAgo.outcome());
                assertNull(fromAnHourAgo.taskUser());
            }
        } finally {
            store.update("DELETE FROM passgate_node WHERE name IN ('PG05', 'PG06', 'PG09')");
            store.update("DELETE FROM passgate_cluster_message WHERE target_node IN ('PG05', 'PG06')");
        }
    }

    @Test
    void timeoutsOutsideZeroToSixtySecondsAreRefused() throws Exception {
        try (PartnerServerSocket listener = listenOn(onA, false);
                PartnerSocket client = connect(onA, null, listener);
                PartnerSocket accepted = listener.accept()) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> accepted.partnerInfo(BOTH, Duration.ofSeconds(61), server));
            assertTrue(e.getMessage().contains("0 to 60 seconds"));
        }
    }
}
