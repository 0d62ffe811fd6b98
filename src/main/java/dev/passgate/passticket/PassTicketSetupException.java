package dev.passgate.passticket;

/**
 * The definitions needed to make or check a ticket are missing or unusable. The message
 * names the APPLID and says what to define; it never contains a key.
 */
public class PassTicketSetupException extends RuntimeException {

    private final String applid;

    public PassTicketSetupException(String applid, String message) {
        super(message);
        this.applid = applid;
    }

    public String applid() {
        return applid;
    }
}
