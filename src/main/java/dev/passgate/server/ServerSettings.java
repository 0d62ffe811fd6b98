package dev.passgate.server;

import dev.passgate.settings.PassGateSettings;
import java.time.Duration;
import java.util.Optional;

/** The one-shot server ports of the handoff ({@code passgate.server.*}). */
public record ServerSettings(Duration handoffTimeout, boolean bindClientIp, boolean denyClientPort, int maxPendingPerUser,
        int maxPendingPerAddress, Optional<PortRange> portRange, Optional<String> advertisedHost,
        Optional<ProxyProtocol> proxyProtocol) {

    /** Seconds a client has to reconnect with its client ID (the reply's expiresIn). */
    public static final String HANDOFF_TIMEOUT = "passgate.server.handoff-timeout";
    /** Only the address that logged on may use its client ID. */
    public static final String BIND_CLIENT_IP = "passgate.server.bind-client-ip";
    /** Refuse a client's own choice of port. */
    public static final String DENY_CLIENT_PORT = "passgate.server.deny-client-port";
    /** Handoffs of one user waiting for their client (0: no cap). */
    public static final String MAX_PENDING_PER_USER = "passgate.server.max-pending-per-user";
    /** Handoffs from one address waiting for their client (0: no cap). */
    public static final String MAX_PENDING_PER_ADDRESS = "passgate.server.max-pending-per-address";
    /** FIRST-LAST ports for client servers; unset: the system chooses. */
    public static final String PORT_RANGE = "passgate.server.port-range";
    /** Host clients reconnect to when it is not the daemon's address (NAT). */
    public static final String ADVERTISED_HOST = "passgate.server.advertised-host";

    /** Read a PROXY protocol header (v1 or v2) first on the daemon and handoff ports (behind a load balancer). */
    public static final String PROXY_PROTOCOL = "passgate.server.proxy-protocol";
    /** The addresses of the proxies that may send it, comma-separated; needed when it is on. */
    public static final String PROXY_PROTOCOL_TRUSTED = "passgate.server.proxy-protocol.trusted";

    public static ServerSettings from(PassGateSettings s) {
        Optional<ProxyProtocol> proxy = s.flag(PROXY_PROTOCOL) ? Optional.of(ProxyProtocol.of(
                s.find(PROXY_PROTOCOL_TRUSTED).map(t -> java.util.Arrays.stream(t.split(",")).map(String::trim)
                        .filter(x -> !x.isEmpty()).toList()).orElse(java.util.List.of()))) : Optional.empty();
        return new ServerSettings(s.seconds(HANDOFF_TIMEOUT), s.flag(BIND_CLIENT_IP), s.flag(DENY_CLIENT_PORT),
                s.integer(MAX_PENDING_PER_USER), s.integer(MAX_PENDING_PER_ADDRESS), s.find(PORT_RANGE).map(PortRange::parse),
                s.find(ADVERTISED_HOST), proxy);
    }
}
