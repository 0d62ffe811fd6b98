package dev.passgate.daemon;

import dev.passgate.protocol.Request;

/** The parsed logon line and the host it came from ("unknown" for a logon sent into the route by hand). */
public record LogonRequest(Request request, String address) {
}
