package dev.passgate.passticket;

import java.util.Locale;

/**
 * RACF's rules for user IDs and APPLIDs, and their EBCDIC form as the PassTicket
 * algorithms consume it.
 *
 * <p>Only the characters RACF allows in these names are accepted ({@code A-Z 0-9 @ # $}),
 * so a hand-written table covers them; code pages 1047, 037 and 500 agree on all of
 * them, which is why tickets made here match the ones z/OS makes.
 */
public final class RacfName {

    /** Length of a blank-padded name block. */
    public static final int LENGTH = 8;

    private static final byte EBCDIC_BLANK = 0x40;

    private RacfName() {
    }

    /**
     * Validates and upper-cases a user ID or APPLID. The characters are checked before
     * upper-casing, and only ASCII letters are upper-cased: Unicode case mapping turns
     * other letters into allowed ones ({@code "\u017f"}, the long s, becomes {@code S}), which
     * would let a different string name the same user.
     *
     * @param what the word used in the error message ("user ID", "APPLID")
     * @throws IllegalArgumentException with a one-line message when the name breaks RACF's rules
     */
    public static String normalize(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (name.length() > LENGTH) {
            throw new IllegalArgumentException(what + " '" + name + "' is longer than 8 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            if (ebcdic(asciiUpper(name.charAt(i))) == 0) {
                throw new IllegalArgumentException(what + " '" + name + "' may only contain A-Z, 0-9, @, # and $");
            }
        }
        if (name.charAt(0) >= '0' && name.charAt(0) <= '9') {
            throw new IllegalArgumentException(what + " '" + name + "' must not start with a digit");
        }
        return name.toUpperCase(Locale.ROOT); // only ASCII is left, which Locale.ROOT maps one to one
    }

    private static char asciiUpper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
    }

    /** True when {@link #normalize} would accept the name. */
    public static boolean isValid(String name) {
        try {
            normalize(name, "name");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The name, already normalized, in EBCDIC, left-justified and blank-padded to 8 bytes. */
    static byte[] padded(String normalized) {
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = i < normalized.length() ? ebcdic(normalized.charAt(i)) : EBCDIC_BLANK;
        }
        return out;
    }

    /** The name, already normalized, in EBCDIC without padding. */
    static byte[] unpadded(String normalized) {
        byte[] out = new byte[normalized.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ebcdic(normalized.charAt(i));
        }
        return out;
    }

    /** EBCDIC code of an allowed character, or 0 for anything else. */
    private static byte ebcdic(char c) {
        if (c >= 'A' && c <= 'I') {
            return (byte) (0xC1 + (c - 'A'));
        }
        if (c >= 'J' && c <= 'R') {
            return (byte) (0xD1 + (c - 'J'));
        }
        if (c >= 'S' && c <= 'Z') {
            return (byte) (0xE2 + (c - 'S'));
        }
        if (c >= '0' && c <= '9') {
            return (byte) (0xF0 + (c - '0'));
        }
        switch (c) {
            case '@':
                return 0x7C;
            case '#':
                return 0x7B;
            case '$':
                return 0x5B;
            default:
                return 0;
        }
    }
}
