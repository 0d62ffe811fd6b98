package dev.passgate.server;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Where a client connects from, noted once as its connection is accepted (daemon port or handoff
 * listener) and carried to the steps that need it (rate limits, the client ID's address binding,
 * audit) as PassGate's own value, not as a transport's header.
 */
public record ClientAddress(InetAddress address, int port) {

    /** The exchange property the logon and connect routes carry it in. */
    public static final String PROPERTY = "PassGateClientAddress";

    private static final io.netty.util.AttributeKey<ClientAddress> KEY =
            io.netty.util.AttributeKey.valueOf("passgate-client-address");

    /** Notes the peer of a connection just accepted; empty when it has no IP peer (already gone). */
    public static Optional<ClientAddress> accepted(Channel channel) {
        if (!(channel.remoteAddress() instanceof InetSocketAddress remote) || remote.getAddress() == null) {
            return Optional.empty();
        }
        ClientAddress address = new ClientAddress(remote.getAddress(), remote.getPort());
        channel.attr(KEY).set(address);
        return Optional.of(address);
    }

    /** The client's address as a trusted proxy's PROXY header gives it, instead of the proxy's. */
    static void proxied(Channel channel, InetAddress address, int port) {
        channel.attr(KEY).set(new ClientAddress(address, port));
    }

    /** The address noted when the connection was accepted (or given by a trusted proxy). */
    public static Optional<ClientAddress> of(Channel channel) {
        return Optional.ofNullable(channel.attr(KEY).get());
    }

    /** The IP address as text, as the registry, the rate limits and the audit log record it. */
    public String host() {
        return address.getHostAddress();
    }

    @Override
    public String toString() {
        return host() + ":" + port;
    }
}
