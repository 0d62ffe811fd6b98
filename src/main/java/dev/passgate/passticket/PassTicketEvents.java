package dev.passgate.passticket;

/**
 * Told about every ticket made and every ticket checked, e.g. to write the audit trail.
 * It receives only what is safe to record: names, type, time and outcome, never a ticket.
 */
public interface PassTicketEvents {

    PassTicketEvents NONE = new PassTicketEvents() {
    };

    default void generated(String user, String applid, PassTicketType type, long generatedAt) {
    }

    default void evaluated(Evaluation evaluation) {
    }
}
