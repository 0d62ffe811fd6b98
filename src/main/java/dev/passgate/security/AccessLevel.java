package dev.passgate.security;

import java.util.Locale;

/** RACF's access authorities, in increasing order. */
public enum AccessLevel {
    NONE, READ, UPDATE, CONTROL, ALTER;

    public boolean covers(AccessLevel requested) {
        return compareTo(requested) >= 0;
    }

    public static AccessLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("access must be NONE, READ, UPDATE, CONTROL or ALTER, not '" + text + "'");
        }
    }
}
