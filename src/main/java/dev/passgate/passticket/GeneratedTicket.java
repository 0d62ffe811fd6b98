package dev.passgate.passticket;

/**
 * A freshly made ticket. {@link #toString()} masks the ticket so the object can be logged.
 */
public record GeneratedTicket(String ticket, String user, String applid, PassTicketType type, long generatedAt) {

    @Override
    public String toString() {
        return "GeneratedTicket[user=" + user + ", applid=" + applid + ", type=" + type + ", generatedAt="
                + generatedAt + ", ticket=********]";
    }
}
