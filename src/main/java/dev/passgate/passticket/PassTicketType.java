package dev.passgate.passticket;

import java.util.Locale;

/** Which algorithm, and for the enhanced one which alphabet, a ticket uses. */
public enum PassTicketType {
    /** The DES algorithm RACF has always had; 8 characters of A-Z 0-9. */
    LEGACY,
    /** Enhanced (HMAC-SHA-512), upper-case alphabet of 36 characters. */
    UPPER,
    /** Enhanced (HMAC-SHA-512), case-sensitive alphabet of 64 characters; RACF's default. */
    MIXED;

    public boolean isEnhanced() {
        return this != LEGACY;
    }

    /** Parses "legacy", "upper" or "mixed" in any case. */
    public static PassTicketType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("ticket type must be legacy, upper or mixed, not '" + text + "'");
        }
    }
}
