package dev.passgate.partner;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every connection PassGate owns, with its two ends and its owners: the node's service
 * user (the "address space" identity) and, once known, the session user (the "task"
 * identity). It is what NETSTAT lists and what partner lookups will consult.
 */
public final class ConnectionRegistry {

    /** One connection as NETSTAT shows it. */
    public record Connection(String kind, InetSocketAddress local, InetSocketAddress remote, String owner,
            String user, Instant since) {
    }

    private final Map<Channel, Connection> connections = new ConcurrentHashMap<>();
    private final String owner;

    /** @param owner the node's service user */
    public ConnectionRegistry(String owner) {
        this.owner = owner;
    }

    /** Registers a connection and forgets it when it closes. */
    public void register(Channel channel, String kind, String user) {
        if (!(channel.localAddress() instanceof InetSocketAddress local)
                || !(channel.remoteAddress() instanceof InetSocketAddress remote)) {
            return;
        }
        connections.put(channel, new Connection(kind, local, remote, owner, user, Instant.now()));
        channel.closeFuture().addListener(f -> connections.remove(channel));
    }

    /** Records the session user of a connection once the session exists. */
    public void identify(Channel channel, String kind, String user) {
        Connection c = connections.get(channel);
        if (c != null) {
            connections.put(channel, new Connection(kind, c.local(), c.remote(), c.owner(), user, c.since()));
        } else {
            register(channel, kind, user);
        }
    }

    public List<Connection> all() {
        return connections.values().stream().sorted(Comparator.comparing(Connection::since)).toList();
    }
}
