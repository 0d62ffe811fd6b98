package dev.passgate.camel;

/** Message headers the {@code passticket:} component reads and writes. */
public final class PassTicketHeaders {

    /** In: the user ID the ticket is for. */
    public static final String USER = "PassGateUser";
    /** In, optional: overrides the endpoint's {@code applid}. */
    public static final String APPLID = "PassGateApplid";
    /** In, optional (evaluate): the user's current group, for qualified PTKTDATA profiles. */
    public static final String GROUP = "PassGateGroup";
    /** Out (generate) / in (evaluate, removed afterwards): the ticket. */
    public static final String PASSTICKET = "PassGatePassTicket";
    /** Out: LEGACY, UPPER or MIXED. */
    public static final String TYPE = "PassGatePassTicketType";
    /** Out: the second the ticket was made (epoch seconds). */
    public static final String TIME = "PassGatePassTicketTime";
    /** Out (evaluate): VALID, or why not (see {@code Evaluation.Outcome}). */
    public static final String OUTCOME = "PassGatePassTicketOutcome";

    private PassTicketHeaders() {
    }
}
