package dev.passgate.security;

/**
 * The answer to an access check, with the profile that decided it.
 *
 * @param profile the deciding profile's name, or null when no profile matched
 * @param granted the access the user has through that profile (NONE when no profile)
 */
public record AccessDecision(Result result, String profile, AccessLevel granted) {

    public enum Result {
        ALLOWED, DENIED, NO_PROFILE_ALLOWED, NO_PROFILE_DENIED
    }

    public boolean allowed() {
        return result == Result.ALLOWED || result == Result.NO_PROFILE_ALLOWED;
    }

    public boolean noProfile() {
        return profile == null;
    }
}
