package dev.passgate.camel;

import org.apache.camel.spi.Metadata;

/**
 * Message headers the {@code passticket:} component reads and writes. The {@code @Metadata} is what
 * tooling lists for the component; the names are a contract with integrators' routes.
 */
public final class PassTicketHeaders {

    @Metadata(javaType = "String", required = true, description = "In: the user ID the ticket is for"
            + " (the endpoint's userHeader option names another header instead).")
    public static final String USER = "PassGateUser";

    @Metadata(javaType = "String", description = "In, optional: the application (APPLID); overrides the endpoint's"
            + " applid option.")
    public static final String APPLID = "PassGateApplid";

    @Metadata(javaType = "String", description = "In, optional (evaluate): the user's current group, for qualified"
            + " PTKTDATA profiles (APPL.GROUP.USER, APPL.USER, APPL.GROUP, then APPL).")
    public static final String GROUP = "PassGateGroup";

    @Metadata(javaType = "String", secret = true, description = "Out (generate) / in (evaluate, removed afterwards):"
            + " the ticket (the endpoint's ticketHeader option names another header instead).")
    public static final String PASSTICKET = "PassGatePassTicket";

    @Metadata(javaType = "String", enums = "LEGACY,UPPER,MIXED", description = "Out: the kind of ticket, LEGACY (DES),"
            + " UPPER or MIXED (enhanced, HMAC-SHA-512).")
    public static final String TYPE = "PassGatePassTicketType";

    @Metadata(javaType = "long", description = "Out: the second the ticket was made (epoch seconds).")
    public static final String TIME = "PassGatePassTicketTime";

    @Metadata(javaType = "String", enums = "VALID,NO_PROFILE,NO_KEY,INVALID,EXPIRED,REPLAYED",
            description = "Out (evaluate): VALID, or why the ticket was refused.")
    public static final String OUTCOME = "PassGatePassTicketOutcome";

    private PassTicketHeaders() {
    }
}
