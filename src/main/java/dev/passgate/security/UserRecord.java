package dev.passgate.security;

/**
 * One user as stored. Secrets appear only as hashes or sealed values, and
 * {@link #toString()} leaves even those out.
 *
 * <p>A record is made with the constructor once, where the user is defined or read from the
 * store; every change after that is a {@code with…} copy, so a change names only the field it
 * changes and fourteen positional arguments are never copied by hand (where a swap of two
 * booleans would compile).
 *
 * @param passwordInterval days between required changes, or null for the system's interval
 * @param protectedUser    NOPASSWORD: a service user that can never log on with a password
 * @param totpSecret       TOTP secret sealed under the master key, or null
 */
public record UserRecord(String userId, String name, String defaultGroup, String passwordHash, String phraseHash,
        boolean passwordExpired, Long passwordChangedAt, Integer passwordInterval, boolean revoked, int failures,
        boolean protectedUser, boolean special, String totpSecret, long createdAt) {

    public UserRecord withName(String value) {
        return new UserRecord(userId, value, defaultGroup, passwordHash, phraseHash, passwordExpired,
                passwordChangedAt, passwordInterval, revoked, failures, protectedUser, special, totpSecret, createdAt);
    }

    public UserRecord withDefaultGroup(String value) {
        return new UserRecord(userId, name, value, passwordHash, phraseHash, passwordExpired,
                passwordChangedAt, passwordInterval, revoked, failures, protectedUser, special, totpSecret, createdAt);
    }

    public UserRecord withPasswordHash(String value) {
        return new UserRecord(userId, name, defaultGroup, value, phraseHash, passwordExpired,
                passwordChangedAt, passwordInterval, revoked, failures, protectedUser, special, totpSecret, createdAt);
    }

    public UserRecord withPhraseHash(String value) {
        return new UserRecord(userId, name, defaultGroup, passwordHash, value, passwordExpired,
                passwordChangedAt, passwordInterval, revoked, failures, protectedUser, special, totpSecret, createdAt);
    }

    public UserRecord withPasswordExpired(boolean value) {
        return new UserRecord(userId, name, defaultGroup, passwordHash, phraseHash, value,
                passwordChangedAt, passwordInterval, revoked, failures, protectedUser, special, totpSecret, createdAt);
    }

    public UserRecord withPasswordChangedAt(Long value) {
        return new UserRecord(userId, name, defaultGroup, passwordHash, phraseHash, passwordExpired,
                value, passwordInterval, revoked, failures, protectedUser, special, totpSecret, createdAt);
    }

    public UserRecord withPasswordInterval(Integer value) {
        return new UserRecord(userId, name, defaultGroup, passwordHash, phraseHash, passwordExpired,
                passwordChangedAt, value, revoked, failures, protectedUser, special, totpSecret, createdAt);
    }

    public UserRecord withRevoked(boolean value) {
        return new UserRecord(userId, name, defaultGroup, passwordHash, phraseHash, passwordExpired,
                passwordChangedAt, passwordInterval, value, failures, protectedUser, special, totpSecret, createdAt);
    }

    public UserRecord withFailures(int value) {
        return new UserRecord(userId, name, defaultGroup, passwordHash, phraseHash, passwordExpired,
                passwordChangedAt, passwordInterval, revoked, value, protectedUser, special, totpSecret, createdAt);
    }

    public UserRecord withProtectedUser(boolean value) {
        return new UserRecord(userId, name, defaultGroup, passwordHash, phraseHash, passwordExpired,
                passwordChangedAt, passwordInterval, revoked, failures, value, special, totpSecret, createdAt);
    }

    public UserRecord withSpecial(boolean value) {
        return new UserRecord(userId, name, defaultGroup, passwordHash, phraseHash, passwordExpired,
                passwordChangedAt, passwordInterval, revoked, failures, protectedUser, value, totpSecret, createdAt);
    }

    public UserRecord withTotpSecret(String value) {
        return new UserRecord(userId, name, defaultGroup, passwordHash, phraseHash, passwordExpired,
                passwordChangedAt, passwordInterval, revoked, failures, protectedUser, special, value, createdAt);
    }

    @Override
    public String toString() {
        return "UserRecord[" + userId + ", group " + defaultGroup + (revoked ? ", revoked" : "")
                + (protectedUser ? ", protected" : "") + "]";
    }
}
