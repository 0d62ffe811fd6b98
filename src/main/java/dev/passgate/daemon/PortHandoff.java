package dev.passgate.daemon;

import dev.passgate.server.HandoffListener;

/** The client's own server port, listening, and the single-use client ID only that port redeems. */
public record PortHandoff(HandoffListener listener, String clientId) {

    @Override
    public String toString() {
        return "PortHandoff[port=" + listener.port() + "]"; // never the client ID
    }
}
