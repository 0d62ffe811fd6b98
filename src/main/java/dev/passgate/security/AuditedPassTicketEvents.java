package dev.passgate.security;

import dev.passgate.passticket.Evaluation;
import dev.passgate.passticket.PassTicketEvents;
import dev.passgate.passticket.PassTicketType;

/** Writes every PassTicket made or checked to the audit log: who, where, outcome; never the ticket. */
final class AuditedPassTicketEvents implements PassTicketEvents {

    private final AuditLog audit;

    AuditedPassTicketEvents(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void generated(String user, String applid, PassTicketType type, long generatedAt) {
        audit.record(AuditEvent.PTKT_GENERATE, user, null, "GENERATED", type + " PassTicket for " + applid);
    }

    @Override
    public void evaluated(Evaluation e) {
        audit.record(AuditEvent.PTKT_EVALUATE, e.user(), null, e.outcome().name(), e.describe());
    }
}
