package dev.passgate.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords (the RFC 4226 HOTP truncation over a 30-second
 * counter). Authenticator apps use HMAC-SHA1 and 6 digits, PassGate's defaults.
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final String algorithm;
    private final int digits;

    public Totp(String algorithm, int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("TOTP codes have 6 to 8 digits");
        }
        this.algorithm = algorithm;
        this.digits = digits;
    }

    public static Totp standard() {
        return new Totp("HmacSHA1", 6);
    }

    public String code(byte[] secret, long epochSeconds) {
        return hotp(secret, Math.floorDiv(epochSeconds, STEP_SECONDS));
    }

    /** Accepts the current step and one either side, for clock drift; compares in constant time. */
    public boolean verify(byte[] secret, String offered, long epochSeconds) {
        if (offered == null || offered.length() != digits) {
            return false;
        }
        long step = Math.floorDiv(epochSeconds, STEP_SECONDS);
        boolean ok = false;
        for (long s = step - 1; s <= step + 1; s++) {
            ok |= MessageDigest.isEqual(hotp(secret, s).getBytes(), offered.getBytes());
        }
        return ok;
    }

    private String hotp(byte[] secret, long counter) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            byte[] msg = new byte[8];
            for (int i = 7; i >= 0; i--) {
                msg[i] = (byte) counter;
                counter >>>= 8;
            }
            byte[] h = mac.doFinal(msg);
            int offset = h[h.length - 1] & 0x0F;
            int binary = ((h[offset] & 0x7F) << 24) | ((h[offset + 1] & 0xFF) << 16)
                    | ((h[offset + 2] & 0xFF) << 8) | (h[offset + 3] & 0xFF);
            String code = Integer.toString(binary % POWERS[digits]);
            return "0".repeat(digits - code.length()) + code;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
