package dev.passgate.partner;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a node names itself to the other nodes of its cluster: where its daemon is reached, and its
 * home (machine and data folder), which only its own next life shares.
 */
public final class NodeAddress {

    private NodeAddress() {
    }

    /**
     * The daemon's host:port as a client or an operator would reach it: the advertised host, else
     * the address the daemon binds, else (bound to every interface) this machine's name.
     */
    public static String endpoint(Optional<String> advertisedHost, String bindHost, int port) {
        String host = advertisedHost.filter(h -> !h.isBlank()).orElse(bindHost);
        if (host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("*")) {
            host = machineName();
        }
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** This machine and the node's data folder: a data folder is one node's (serve locks it). */
    public static String home(Path dataDir) {
        return machineName() + ":" + dataDir.toAbsolutePath().normalize();
    }

    private static String machineName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress().getHostName();
        }
    }
}
