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
}
