package dev.passgate.passticket;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A PassTicket key: 8 bytes for the legacy algorithm, 32 to 256 bytes for the enhanced one.
 *
 * <p>The bytes never leave this object except to initialise a cipher, and {@link #toString()}
 * says only what kind of key it is, so a key that ends up in a log line or an exception
 * message reveals nothing.
 */
public final class PassTicketKey {

    public static final int LEGACY_LENGTH = 8;
    public static final int ENHANCED_MIN = 32;
    public static final int ENHANCED_MAX = 256;

    private final byte[] bytes;
    private final boolean enhanced;

    private PassTicketKey(byte[] bytes, boolean enhanced) {
        this.bytes = bytes;
        this.enhanced = enhanced;
    }

    /** A legacy (DES) key from 16 hexadecimal digits. */
    public static PassTicketKey legacyHex(String hex) {
        byte[] b = parseHex(hex, "legacy key");
        if (b.length != LEGACY_LENGTH) {
            throw new IllegalArgumentException("a legacy key has 16 hexadecimal digits, not " + hex.trim().length());
        }
        return new PassTicketKey(b, false);
    }

    /** An enhanced (HMAC-SHA-512) key from 64 to 512 hexadecimal digits. */
    public static PassTicketKey enhancedHex(String hex) {
        return enhanced(parseHex(hex, "enhanced key"));
    }

    /** An enhanced key from raw bytes (copied). */
    public static PassTicketKey enhanced(byte[] raw) {
        if (raw.length < ENHANCED_MIN || raw.length > ENHANCED_MAX) {
            throw new IllegalArgumentException(
                    "an enhanced key has 32 to 256 bytes (64 to 512 hexadecimal digits), not " + raw.length + " bytes");
        }
        return new PassTicketKey(raw.clone(), true);
    }

    /** A legacy key from raw bytes (copied). */
    public static PassTicketKey legacy(byte[] raw) {
        if (raw.length != LEGACY_LENGTH) {
            throw new IllegalArgumentException("a legacy key has 8 bytes, not " + raw.length);
        }
        return new PassTicketKey(raw.clone(), false);
    }

    private static byte[] parseHex(String hex, String what) {
        if (hex == null || hex.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        String h = hex.trim();
        if (h.length() % 2 != 0 || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(what + " must be an even number of hexadecimal digits");
        }
        return HexFormat.of().parseHex(h);
    }

    public boolean isEnhanced() {
        return enhanced;
    }

    public int length() {
        return bytes.length;
    }

    /** A copy of the key bytes, for a cipher's key spec or for encryption at rest. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PassTicketKey k && k.enhanced == enhanced
                && java.security.MessageDigest.isEqual(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return enhanced ? "PassTicketKey[enhanced, " + bytes.length + " bytes, masked]" : "PassTicketKey[legacy, masked]";
    }
}
