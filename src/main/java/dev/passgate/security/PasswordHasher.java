package dev.passgate.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA512 password hashes. The record keeps its own parameters
 * ({@code pbkdf2-sha512:<iterations>:<salt>:<hash>}), so raising the iteration count
 * later leaves existing hashes verifiable; they are re-hashed at the next successful logon.
 *
 * <p>Every check costs the same number of iterations, {@link #checkCost()}: the configured
 * count or the largest count of any stored record known, whichever is more. A record made
 * with fewer is padded with dummy iterations, and an unknown user's {@link #burn} spends the
 * full cost, so the time of a check does not tell whether the user exists, even while old
 * records with another count remain after the setting changed.
 */
public final class PasswordHasher {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA512. */
    public static final int DEFAULT_ITERATIONS = 210_000;
    private static final String PREFIX = "pbkdf2-sha512";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 512;
    private static final char[] NOT_A_PASSWORD = "not a password".toCharArray();

    private final int iterations;
    private final AtomicInteger largestStored = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private final byte[] dummySalt = new byte[SALT_BYTES];
    private final LongAdder iterationsSpent = new LongAdder();

    public PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("PBKDF2 iterations must be positive");
        }
        this.iterations = iterations;
        random.nextBytes(dummySalt);
    }

    public String hash(char[] secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(secret, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    /**
     * Notes a stored record's iteration count, so that every later check costs at least as
     * much. Called with every record in the store at start; {@link #verify} notes the records
     * it meets, which covers records another node wrote with a higher setting.
     */
    public void expect(String record) {
        Parsed p = Parsed.of(record);
        if (p != null) {
            largestStored.accumulateAndGet(p.iterations, Math::max);
        }
    }

    /** PBKDF2 iterations each {@link #verify} and {@link #burn} spends. */
    public int checkCost() {
        return Math.max(iterations, largestStored.get());
    }

    /** Constant-time check of a secret against a stored record; false for a malformed record. */
    public boolean verify(char[] secret, String record) {
        Parsed p = Parsed.of(record);
        if (p == null) {
            burn(secret); // same work either way
            return false;
        }
        largestStored.accumulateAndGet(p.iterations, Math::max);
        boolean match = MessageDigest.isEqual(derive(secret, p.salt, p.iterations), p.hash);
        int padding = checkCost() - p.iterations;
        if (padding > 0) {
            derive(NOT_A_PASSWORD, dummySalt, padding);
        }
        return match;
    }

    /** Spends the time of one verification, for unknown users: no timing tells them apart. */
    public void burn(char[] secret) {
        derive(secret, dummySalt, checkCost());
    }

    /** Whether a record was made with fewer iterations than now configured. */
    public boolean outdated(String record) {
        Parsed p = Parsed.of(record);
        return p == null || p.iterations < iterations;
    }

    /** Every PBKDF2 iteration this hasher computed so far: lets tests see the work without timing it. */
    long iterationsSpent() {
        return iterationsSpent.sum();
    }

    private byte[] derive(char[] secret, byte[] salt, int count) {
        iterationsSpent.add(count);
        try {
            PBEKeySpec spec = new PBEKeySpec(secret, salt, count, HASH_BITS);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available", e);
        }
    }

    /** A stored record's parts, or null when it is not one of ours. */
    private record Parsed(int iterations, byte[] salt, byte[] hash) {
        static Parsed of(String record) {
            String[] parts = record == null ? new String[0] : record.split(":");
            if (parts.length != 4 || !parts[0].equals(PREFIX)) {
                return null;
            }
            try {
                int n = Integer.parseInt(parts[1]);
                return n < 1 ? null : new Parsed(n, Base64.getDecoder().decode(parts[2]), Base64.getDecoder().decode(parts[3]));
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
    }
}
