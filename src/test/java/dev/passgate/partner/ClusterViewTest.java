package dev.passgate.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which partners count as internal, with the routing flag bits NETSTAT shows. */
class ClusterViewTest {

    private final ClusterView view = new ClusterView(null, "PG01", "PLEXDOM", List.of("10.1.0.0/16", "192.168.7.9"),
            Clock.systemUTC());

    @Test
    void loopbackAndTheConfiguredNetworksAreInternalOtherAddressesAreNot() throws Exception {
        assertTrue(view.isInternal(InetAddress.getByName("127.0.0.1")));
        assertTrue(view.isInternal(InetAddress.getByName("::1")));
        assertTrue(view.isInternal(InetAddress.getByName("10.1.200.3")));
        assertTrue(view.isInternal(InetAddress.getByName("192.168.7.9")));
        assertFalse(view.isInternal(InetAddress.getByName("10.2.0.1")));
        assertFalse(view.isInternal(InetAddress.getByName("192.168.7.10")));
    }

    @Test
    void aBadNetworkIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClusterView(null, "PG01", null, List.of("10.1.0.0/x"), Clock.systemUTC()));
        assertTrue(e.getMessage().contains("10.1.0.0/x"), e.getMessage());
    }

    @Test
    void routingBitsAreTheZosClusterConnTypeValues() {
        assertEquals(0x0E, Routing.bits(java.util.EnumSet.of(Routing.INTERNAL, Routing.SAME_IMAGE, Routing.SAME_CLUSTER)));
        assertEquals(0x01, Routing.bits(java.util.EnumSet.of(Routing.NONE)));
        assertEquals(0x00, Routing.bits(java.util.EnumSet.of(Routing.NO_CONNECTION)));
    }

    @Test
    void configuredNodeAddressesAreNormalizedAndCheckedDefaultIsEveryInterface() {
        assertEquals(List.of("127.0.0.1", "10.1.1.5"), ClusterView.nodeAddresses(" 127.0.0.1 , 10.1.1.5"));
        assertThrows(IllegalArgumentException.class, () -> ClusterView.nodeAddresses("not an address!"));
        assertTrue(ClusterView.nodeAddresses("").contains("127.0.0.1"));
    }

    @Test
    void theNodesThatCanOwnAConnectionAreTheLiveOnesThatRegisteredItsAddressNarrowedByDaemonPortAndMachine(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        try (dev.passgate.store.Database db = dev.passgate.support.TestDatabases.open(folder)) {
            dev.passgate.store.Jdbc jdbc = new dev.passgate.store.Jdbc(db.dataSource());
            ClusterStore store = new ClusterStore(jdbc, Clock.systemUTC());
            join(store, "PG01", "127.0.0.1,10.0.0.1", "10.0.0.1:4035", "m1:/a");
            join(store, "PG02", "127.0.0.1,10.0.0.2", "10.0.0.2:5035", "m1:/b");
            join(store, "PG03", "127.0.0.1,10.0.0.3", "m1:6035", "m1:/c");
            join(store, "PG04", "127.0.0.1,10.0.0.4", "10.0.0.4:4035", "m2:/d");
            join(store, "PG05", "10.0.0.5", "10.0.0.5:4035", "m3:/e");
            jdbc.update("UPDATE passgate_node SET heartbeat = 0 WHERE name = 'PG05'"); // it stopped
            ClusterView pg01 = new ClusterView(store, "PG01", "PLEX1", List.of(), Clock.systemUTC());

            assertEquals(List.of("PG02"), pg01.owners(socket("10.0.0.2", 40000)));
            assertEquals(List.of("PG04"), pg01.owners(socket("10.0.0.4", 40000)), "by its address: on any machine");
            assertEquals(List.of("PG02", "PG03"), pg01.owners(socket("127.0.0.1", 40000)),
                    "loopback: the other nodes of this machine");
            assertEquals(List.of("PG03"), pg01.owners(socket("127.0.0.1", 6035)), "PG03's daemon port");
            assertEquals(List.of(), pg01.owners(socket("10.0.0.5", 40000)), "a stopped node owns nothing");
            assertTrue(pg01.isNodeAddress(InetAddress.getByName("10.0.0.5")));
            assertTrue(pg01.isOwnAddress(InetAddress.getByName("10.0.0.1")));
            assertFalse(pg01.isOwnAddress(InetAddress.getByName("10.0.0.2")));
            store.close();
        }
    }

    private static void join(ClusterStore store, String name, String addresses, String endpoint, String home) {
        store.join(new ClusterStore.Node(name, "TCPIP", "PLEX1", List.of(addresses.split(",")), endpoint, home, 0),
                ClusterView.ALIVE_MILLIS);
    }

    private static java.net.InetSocketAddress socket(String address, int port) throws Exception {
        return new java.net.InetSocketAddress(InetAddress.getByName(address), port);
    }
}
