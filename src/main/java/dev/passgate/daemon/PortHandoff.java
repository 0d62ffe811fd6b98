package dev.passgate.daemon;

import dev.passgate.server.HandoffListener;
import dev.passgate.session.PendingSession;

/**
 * The client's own server port, listening, the single-use client ID only that port redeems,
 * and the logon parked under that ID until the client reconnects.
 */
public record PortHandoff(HandoffListener listener, String clientId, PendingSession session) {

    @Override
    public String toString() {
        return "PortHandoff[port=" + listener.port() + "]"; // never the client ID
    }
}
