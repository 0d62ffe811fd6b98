package dev.passgate.session;

import dev.passgate.pool.PoolLease;
import dev.passgate.security.SecurityEnvironment;
import java.util.UUID;

/**
 * A logon that has been accepted and is waiting for its client to reconnect: what the
 * daemon parks under the client ID. Its session ID is chosen here, so that the logon can
 * record the session's row before its reply, and the reconnect only marks the row connected.
 */
public final class PendingSession {

    private final String sessionId;
    private final SecurityEnvironment environment;
    private final PoolLease lease;
    private final String address;
    private final int port;
    /** Set by the logon step that recorded the row before the reply; read by the reconnect. */
    private volatile boolean recorded;

    /**
     * @param environment the session's environment, built from a fresh PassTicket
     * @param address     the address that logged on
     */
    public PendingSession(SecurityEnvironment environment, PoolLease lease, String address, int port) {
        this.sessionId = UUID.randomUUID().toString();
        this.environment = environment;
        this.lease = lease;
        this.address = address;
        this.port = port;
    }

    /** The ID the session will have once its client reconnects. */
    public String sessionId() {
        return sessionId;
    }

    public SecurityEnvironment environment() {
        return environment;
    }

    public PoolLease lease() {
        return lease;
    }

    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    /**
     * Whether the logon submitted the session's row, in the commit its reply waits for; a client
     * can reconnect only after that reply, so the reconnect then waits for nothing.
     */
    public boolean recorded() {
        return recorded;
    }

    void markRecorded() {
        recorded = true;
    }

    @Override
    public String toString() {
        return "PendingSession[" + environment.user() + " from " + address + " on port " + port + "]";
    }
}
