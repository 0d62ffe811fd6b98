package dev.passgate.partner;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What this node knows of its cluster for routing decisions: which addresses belong to the
 * cluster's nodes, which networks are the cluster's own, and each node's security domain.
 * Nodes are read from the database and cached for a few seconds.
 */
public final class ClusterView {

    private static final long CACHE_MILLIS = 2_000;
    private static final long REFRESH_MILLIS = 200;
    /**
     * How long after its last heartbeat a node's connection rows still count for a lookup: longer than
     * any node-lost setting, since a lost node's rows go when the cluster forgets it.
     */
    public static final long ALIVE_MILLIS = 30_000;

    private final ClusterStore store;
    private final String node;
    private final String domain;
    private final List<IpSubnetFilterRule> internalNetworks;
    private final Clock clock;
    private volatile Snapshot snapshot;

    /**
     * @param silences each node's silence at readAt, by the database's clock
     * @param nodeAddresses the addresses each node registered, by node
     * @param daemonPorts the port of each node's daemon, where its endpoint names one
     * @param machines the machine each node runs on, from its home
     */
    private record Snapshot(Set<InetAddress> addresses, Map<String, String> domains, Map<String, Long> silences,
            Map<String, Set<InetAddress>> nodeAddresses, Map<String, Integer> daemonPorts, Map<String, String> machines,
            long readAt) {
    }

    /**
     * @param domain this node's security domain (APPLDATA of SERVAUTH EZBDOMAIN), null when undefined
     * @param internalNetworks CIDR blocks whose traffic stays inside the cluster (besides loopback)
     */
    public ClusterView(ClusterStore store, String node, String domain, List<String> internalNetworks, Clock clock) {
        this.store = store;
        this.node = node;
        this.domain = domain;
        this.internalNetworks = internalNetworks.stream().map(ClusterView::subnet).toList();
        this.clock = clock;
    }

    /** Parses "10.1.0.0/16" (a bare address is a /32 or /128). */
    static IpSubnetFilterRule subnet(String cidr) {
        String[] parts = cidr.trim().split("/");
        try {
            InetAddress base = literal(parts[0]);
            if (base == null) {
                throw new IllegalArgumentException(parts[0]);
            }
            int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : base.getAddress().length * 8;
            return new IpSubnetFilterRule(base, bits, IpFilterRuleType.ACCEPT);
        } catch (RuntimeException e) { // not a literal (null), or a bad prefix
            throw new IllegalArgumentException("passgate.cluster.internal-networks: " + cidr
                    + " is not an address or address/prefix (e.g. 10.0.0.0/8)");
        }
    }

    public ClusterStore store() {
        return store;
    }

    public String node() {
        return node;
    }

    public String domain() {
        return domain;
    }

    /** Could a node of this cluster be at this address? If not, the partner is outside the cluster. */
    public boolean isNodeAddress(InetAddress address) {
        return current().addresses().contains(address);
    }

    /** This node registered the address: a connection from it may be one of this node's own. */
    public boolean isOwnAddress(InetAddress address) {
        return current().nodeAddresses().getOrDefault(node, Set.of()).contains(address);
    }

    /**
     * The other live nodes that can own the far end of a connection from this socket address: those
     * that registered its address, narrowed to the one whose daemon listens on its port when there is
     * exactly one such (a connection to a node's daemon). One name: the owner is known.
     */
    public List<String> owners(InetSocketAddress remote) {
        Snapshot s = current();
        // Every node registers loopback by default, but a loopback partner runs on this machine.
        String here = remote.getAddress().isLoopbackAddress() ? s.machines().get(node) : null;
        List<String> owners = s.nodeAddresses().entrySet().stream()
                .filter(e -> !e.getKey().equals(node) && e.getValue().contains(remote.getAddress()))
                .map(Map.Entry::getKey).filter(this::isAlive)
                .filter(n -> here == null || here.equals(s.machines().getOrDefault(n, here))).sorted().toList();
        List<String> daemons = owners.stream().filter(n -> Integer.valueOf(remote.getPort()).equals(s.daemonPorts().get(n)))
                .toList();
        return daemons.size() == 1 ? daemons : owners;
    }

    /**
     * Reads the nodes again at the next question, as one that just joined is not in the cached view
     * yet; at most every {@link #REFRESH_MILLIS}, however often it is asked for.
     */
    public void refresh() {
        Snapshot s = snapshot;
        if (s != null && clock.millis() - s.readAt() >= REFRESH_MILLIS) {
            snapshot = null;
        }
    }

    /** Traffic to this address does not leave the cluster's own networks. */
    public boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return true;
        }
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return internalNetworks.stream().anyMatch(r -> r.matches(socket));
    }

    /**
     * The node has said it runs within the last {@link #ALIVE_MILLIS}, by the database's clock (plus
     * what this node's clock says has passed since it read the nodes): its connection rows count.
     */
    public boolean isAlive(String otherNode) {
        Snapshot s = current();
        Long silence = s.silences().get(otherNode);
        return silence != null && silence + (clock.millis() - s.readAt()) < ALIVE_MILLIS;
    }

    /** Both nodes name the same, defined security domain. */
    public boolean sameDomain(String otherNode) {
        String other = current().domains().get(otherNode);
        return domain != null && domain.equals(other);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && clock.millis() - s.readAt() < CACHE_MILLIS) {
            return s;
        }
        Set<InetAddress> addresses = new HashSet<>();
        Map<String, String> domains = new HashMap<>();
        Map<String, Long> silences = new HashMap<>();
        Map<String, Set<InetAddress>> nodeAddresses = new HashMap<>();
        Map<String, Integer> daemonPorts = new HashMap<>();
        Map<String, String> machines = new HashMap<>();
        long readAt = clock.millis();
        for (ClusterStore.Node n : store.nodes()) {
            silences.put(n.name(), n.silentMillis());
            Set<InetAddress> own = new HashSet<>();
            n.addresses().forEach(a -> own.add(literal(a)));
            own.remove(null);
            nodeAddresses.put(n.name(), own);
            addresses.addAll(own);
            port(n.endpoint()).ifPresent(p -> daemonPorts.put(n.name(), p));
            if (n.home() != null && n.home().indexOf(':') > 0) {
                machines.put(n.name(), n.home().substring(0, n.home().indexOf(':')));
            }
            if (n.domain() != null) {
                domains.put(n.name(), n.domain());
            }
        }
        s = new Snapshot(addresses, domains, silences, nodeAddresses, daemonPorts, machines, readAt);
        snapshot = s;
        return s;
    }

    /** The port of a host:port endpoint ([v6]:port too); empty when it names none. */
    static Optional<Integer> port(String endpoint) {
        if (endpoint == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An IP address literal; null for anything else (names are not looked up). */
    private static InetAddress literal(String address) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address.trim());
        try {
            return bytes == null ? null : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The addresses a node's connections can come from: the configured ones, else every interface's. */
    public static List<String> nodeAddresses(String configured) {
        if (!configured.isBlank()) {
            return Arrays.stream(configured.split(",")).map(String::trim).filter(a -> !a.isEmpty())
                    .map(a -> literalOrFail(a).getHostAddress()).toList();
        }
        List<String> all = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                Collections.list(nic.getInetAddresses()).forEach(a -> all.add(a.getHostAddress().replaceAll("%.*$", "")));
            }
        } catch (SocketException e) {
            all.add(InetAddress.getLoopbackAddress().getHostAddress());
        }
        return all;
    }

    private static InetAddress literalOrFail(String a) {
        InetAddress address = literal(a);
        if (address == null) {
            throw new IllegalArgumentException("passgate.cluster.addresses: " + a + " is not an IP address");
        }
        return address;
    }
}
