package dev.passgate.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA512 password hashes. The record keeps its own parameters
 * ({@code pbkdf2-sha512:<iterations>:<salt>:<hash>}), so raising the iteration count
 * later leaves existing hashes verifiable; they are re-hashed at the next successful logon.
 */
public final class PasswordHasher {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA512. */
    public static final int DEFAULT_ITERATIONS = 210_000;
    private static final String PREFIX = "pbkdf2-sha512";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 512;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private final String dummy;

    public PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("PBKDF2 iterations must be positive");
        }
        this.iterations = iterations;
        this.dummy = hash("not a password".toCharArray());
    }

    public String hash(char[] secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(secret, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    /** Constant-time check of a secret against a stored record; false for a malformed record. */
    public boolean verify(char[] secret, String record) {
        String[] parts = record == null ? new String[0] : record.split(":");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            verify(secret, dummy); // same work either way
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(derive(secret, salt, Integer.parseInt(parts[1])), expected);
    }

    /** Spends the time of one verification, for unknown users: no timing tells them apart. */
    public void burn(char[] secret) {
        verify(secret, dummy);
    }

    /** Whether a record was made with fewer iterations than now configured. */
    public boolean outdated(String record) {
        String[] parts = record.split(":");
        return parts.length != 4 || Integer.parseInt(parts[1]) < iterations;
    }

    private static byte[] derive(char[] secret, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, HASH_BITS);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available", e);
        }
    }
}
