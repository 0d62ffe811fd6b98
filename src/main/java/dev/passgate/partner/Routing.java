package dev.passgate.partner;

import java.util.Set;

/**
 * The routing information a partner lookup always returns, with the bit each value has in
 * NETSTAT's TcpClusterConnFlag (z/OS's SO_CLUSTERCONNTYPE values).
 */
public enum Routing {
    /** The connection is not connected. */
    NO_CONNECTION(0x00),
    /** The partner is not in this cluster. */
    NONE(0x01),
    SAME_CLUSTER(0x02),
    /** The partner is on this node. */
    SAME_IMAGE(0x04),
    /** Traffic to the partner's node stays on the cluster's own networks (loopback or internal-networks). */
    INTERNAL(0x08);

    /** The flag's high bit: routing information was asked for on this connection. */
    public static final int REQUESTED = 0x80;

    private final int bit;

    Routing(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public static int bits(Set<Routing> routing) {
        return routing.stream().mapToInt(Routing::bit).reduce(0, (a, b) -> a | b);
    }
}
