package dev.passgate.daemon;

import dev.passgate.pool.PoolLease;
import dev.passgate.protocol.Request;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.server.HandoffListener;
import org.apache.camel.Exchange;

/**
 * What the logon steps have established so far for one logon request, kept as one
 * exchange property so that steps can be reordered or replaced without losing it.
 */
public final class LogonState {

    public static final String PROPERTY = "PassGateLogon";

    public Request request;
    public String address;
    /** Set when a login exit decided the logon alone (exports and none modes): the user it let in. */
    public String exitDecidedUser;
    /** The environment the logon's credentials verified to. */
    public SecurityEnvironment logonEnvironment;
    /** The session's environment, built from a PassTicket. */
    public SecurityEnvironment sessionEnvironment;
    public PoolLease lease;
    public HandoffListener listener;
    public String clientId;
    /** Set by the reply step: from then on the handoff owns the lease and the listener. */
    public boolean handedOver;

    /** The user the logon is for: verified by the registry, or let in by an exit. */
    public String user() {
        return logonEnvironment != null ? logonEnvironment.user() : exitDecidedUser;
    }

    public static LogonState of(Exchange exchange) {
        LogonState s = exchange.getProperty(PROPERTY, LogonState.class);
        if (s == null) {
            throw new IllegalStateException("no logon in progress: the parse step must come first");
        }
        return s;
    }

    /** Undoes what a failed logon had taken: its pool place and its listener. */
    public void release() {
        if (handedOver) {
            return;
        }
        if (listener != null) {
            listener.close();
        }
        if (lease != null) {
            lease.close();
        }
    }
}
