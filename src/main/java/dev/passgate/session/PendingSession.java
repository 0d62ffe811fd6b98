package dev.passgate.session;

import dev.passgate.pool.PoolLease;
import dev.passgate.security.SecurityEnvironment;

/**
 * A logon that has been accepted and is waiting for its client to reconnect: what the
 * daemon parks under the client ID.
 *
 * @param environment the session's environment, built from a fresh PassTicket
 * @param address     the address that logged on
 */
public record PendingSession(SecurityEnvironment environment, PoolLease lease, String address, int port) {

    @Override
    public String toString() {
        return "PendingSession[" + environment.user() + " from " + address + " on port " + port + "]";
    }
}
