package dev.passgate.security;

import java.util.Optional;

/**
 * RACF's shape rules for new secrets: a PASSWORD has 1 to 8 characters (at least the
 * SETROPTS minimum), a PHRASE 9 to 100. Both are case-sensitive.
 */
public final class PasswordRules {

    public static final int PASSWORD_MAX = 8;
    public static final int PHRASE_MIN = 9;
    public static final int PHRASE_MAX = 100;

    private PasswordRules() {
    }

    public static boolean isPhrase(char[] secret) {
        return secret.length > PASSWORD_MAX;
    }

    /** Why the secret is not acceptable, or empty when it is. */
    public static Optional<String> problem(char[] secret, int minLength) {
        if (secret.length == 0) {
            return Optional.of("the new password is empty");
        }
        if (secret.length > PHRASE_MAX) {
            return Optional.of("a password phrase has at most " + PHRASE_MAX + " characters");
        }
        if (!isPhrase(secret) && secret.length < minLength) {
            return Optional.of("a password has at least " + minLength + " characters (SETROPTS MINLENGTH)");
        }
        for (char c : secret) {
            if (Character.isISOControl(c)) {
                return Optional.of("a password may not contain control characters");
            }
        }
        return Optional.empty();
    }
}
