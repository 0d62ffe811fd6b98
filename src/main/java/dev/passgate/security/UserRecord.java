package dev.passgate.security;

/**
 * One user as stored. Secrets appear only as hashes or sealed values, and
 * {@link #toString()} leaves even those out.
 *
 * @param passwordInterval days between required changes, or null for the system's interval
 * @param protectedUser    NOPASSWORD: a service user that can never log on with a password
 * @param totpSecret       TOTP secret sealed under the master key, or null
 */
public record UserRecord(String userId, String name, String defaultGroup, String passwordHash, String phraseHash,
        boolean passwordExpired, Long passwordChangedAt, Integer passwordInterval, boolean revoked, int failures,
        boolean protectedUser, boolean special, String totpSecret, long createdAt) {

    @Override
    public String toString() {
        return "UserRecord[" + userId + ", group " + defaultGroup + (revoked ? ", revoked" : "")
                + (protectedUser ? ", protected" : "") + "]";
    }
}
