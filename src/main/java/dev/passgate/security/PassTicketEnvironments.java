package dev.passgate.security;

import dev.passgate.passticket.Evaluation;
import dev.passgate.passticket.PassTicketEvaluator;
import dev.passgate.passticket.PassTicketGenerator;
import java.util.Collection;

/**
 * Security environments built the RSE way: from a freshly generated PassTicket for the
 * user at an APPLID, verified like any logon, never from a stored password. The daemon
 * builds each session's environment, and each miner's, this way.
 *
 * <p>The tickets of a session's environments are PassGate's own: made and evaluated here, for
 * itself, never seen by a client. So that they do not cost a session a generate, an evaluate
 * and a verify record each (twelve of a logon's fourteen records), the session's environments
 * come from {@link SecurityRegistry#sessionEnvironments}: their tickets are not audited one by
 * one, a failure to build one is audited as {@link AuditEvent#SESSION_ENVIRONMENTS} when it
 * happens, and the connect records what it built in one such record ({@link #recordSession}).
 * Each ticket is still fresh and still evaluated, replay checked where its profile asks.
 */
public final class PassTicketEnvironments {

    /** The unaudited generator and evaluator of a session's own tickets, and the trail their summary goes to. */
    record OwnTickets(PassTicketGenerator generator, PassTicketEvaluator evaluator, AuditLog audit) {
    }

    private final PassTicketGenerator generator;
    private final Verifier verifier;
    private final String applid;
    private final OwnTickets own;

    /** Environments whose every ticket and verify is audited one by one. */
    public PassTicketEnvironments(PassTicketGenerator generator, Verifier verifier, String applid) {
        this(generator, verifier, applid, null);
    }

    PassTicketEnvironments(PassTicketGenerator generator, Verifier verifier, String applid, OwnTickets own) {
        this.generator = generator;
        this.verifier = verifier;
        this.applid = applid;
        this.own = own;
    }

    /** Generates a ticket for the user and verifies it; the verify's result (audited as any logon). */
    public VerifyResult build(String user, String origin) {
        String ticket = generator.generateForEvaluation(user, verifier.defaultGroupOf(user), applid).ticket();
        return verifier.verify(VerifyRequest.passticket(user, ticket, applid).from(origin));
    }

    /**
     * The same for a user this logon has verified a moment ago: a fresh ticket, evaluated,
     * without reading the user again. Audited as any PassTicket verify, or for a session's own
     * environments only when it fails.
     */
    public VerifyResult build(SecurityEnvironment verified, String origin) {
        if (own == null) {
            String ticket = generator.generateForEvaluation(verified.user(), verified.defaultGroup(), applid).ticket();
            return verifier.passTicketFor(verified, ticket, applid, origin);
        }
        String ticket = own.generator().generateForEvaluation(verified.user(), verified.defaultGroup(), applid).ticket();
        Evaluation e = own.evaluator().evaluate(verified.user(), verified.defaultGroup(), applid, ticket);
        VerifyResult result = verifier.environmentFrom(verified, e);
        if (!result.success()) {
            own.audit().record(AuditEvent.SESSION_ENVIRONMENTS, verified.user(), origin, result.outcome().name(),
                    "environment not built: " + result.detail());
        }
        return result;
    }

    /**
     * Records, in one audit record, the environments a connect built for its session: the
     * session's own (built at logon) and each started miner's. Made before the session's row is
     * committed, so it is durable when the connect's reply goes out.
     */
    public void recordSession(String user, String origin, Collection<String> miners) {
        if (own == null) {
            return; // each one was audited as it was built
        }
        own.audit().record(AuditEvent.SESSION_ENVIRONMENTS, user, origin, VerifyResult.Outcome.SUCCESS.name(),
                "session" + (miners.isEmpty() ? "" : " and miners " + String.join(", ", miners))
                        + ", each from a fresh PassTicket for " + applid);
    }

    public String applid() {
        return applid;
    }
}
