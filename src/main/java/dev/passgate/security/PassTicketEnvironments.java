package dev.passgate.security;

import dev.passgate.passticket.PassTicketGenerator;

/**
 * Security environments built the RSE way: from a freshly generated PassTicket for the
 * user at an APPLID, verified like any logon, never from a stored password. The daemon
 * builds each session's environment, and each miner's, this way.
 */
public final class PassTicketEnvironments {

    private final PassTicketGenerator generator;
    private final Verifier verifier;
    private final String applid;

    public PassTicketEnvironments(PassTicketGenerator generator, Verifier verifier, String applid) {
        this.generator = generator;
        this.verifier = verifier;
        this.applid = applid;
    }

    /** Generates a ticket for the user and verifies it; the verify's result (audited as any logon). */
    public VerifyResult build(String user, String origin) {
        String ticket = generator.generate(user, applid).ticket();
        return verifier.verify(VerifyRequest.passticket(user, ticket, applid).from(origin));
    }

    /**
     * The same for a user this logon has verified a moment ago: a fresh ticket, evaluated and
     * audited, without reading the user again.
     */
    public VerifyResult build(SecurityEnvironment verified, String origin) {
        String ticket = generator.generate(verified.user(), applid).ticket();
        return verifier.passTicketFor(verified, ticket, applid, origin);
    }

    public String applid() {
        return applid;
    }
}
