package dev.passgate.passticket;

/**
 * The outcome of evaluating one offered ticket. Carries no ticket and no key, so it is safe
 * to log and to audit.
 *
 * @param profile        the PTKTDATA profile that decided, or null when there was none
 * @param type           the algorithm that matched, or null
 * @param generationTime the second the ticket was made, when it could be computed; -1 otherwise
 */
public record Evaluation(Outcome outcome, String user, String applid, String profile, PassTicketType type,
        long generationTime) {

    public enum Outcome {
        VALID("accepted"),
        NO_PROFILE("no PTKTDATA profile for the application"),
        NO_KEY("the PTKTDATA profile has no key"),
        INVALID("not a ticket for this user and application (wrong key, user or APPLID, or not a ticket)"),
        EXPIRED("outside the validity window"),
        REPLAYED("already used (replay protection)");

        private final String reason;

        Outcome(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }

    /** One line for logs and audit: user, APPLID and reason, never the ticket. */
    public String describe() {
        return "PassTicket for user " + user + " at " + applid + ": " + outcome.reason()
                + (profile != null ? " (profile " + profile + ")" : "");
    }
}
