package dev.passgate.security;

import java.util.Optional;

/**
 * RACROUTE AUTH: may this environment have this access to this resource?
 *
 * <p>The most specific matching profile decides. On it, an entry for the user wins (even
 * when lower than a group's); otherwise the highest entry of any of the user's groups;
 * otherwise {@code *} (every defined user); otherwise the profile's UACC. With no matching
 * profile the class's rule answers (APPL allows, the others deny).
 */
public final class AccessChecker {

    private final ProfileCache profiles;

    AccessChecker(ProfileCache profiles) {
        this.profiles = profiles;
    }

    public AccessDecision check(SecurityEnvironment env, String className, String resource, AccessLevel requested) {
        Optional<ProfileRecord> profile = findProfile(className, resource);
        if (profile.isEmpty()) {
            boolean allows = profiles.noProfileRule(className)
                    .orElseThrow(() -> new IllegalArgumentException("class " + className + " is not defined"));
            return new AccessDecision(allows ? AccessDecision.Result.NO_PROFILE_ALLOWED
                    : AccessDecision.Result.NO_PROFILE_DENIED, null, AccessLevel.NONE);
        }
        ProfileRecord p = profile.get();
        AccessLevel granted = grantedBy(p, env);
        return new AccessDecision(granted.covers(requested) ? AccessDecision.Result.ALLOWED : AccessDecision.Result.DENIED,
                p.name(), granted);
    }

    /** The profile that protects a resource: a discrete one of that name, else the most specific generic match. */
    public Optional<ProfileRecord> findProfile(String className, String resource) {
        return profiles.protecting(className, resource);
    }

    static AccessLevel grantedBy(ProfileRecord p, SecurityEnvironment env) {
        AccessLevel own = p.access().get(env.user());
        if (own != null) {
            return own;
        }
        AccessLevel best = null;
        for (String group : env.groups()) {
            AccessLevel g = p.access().get(group);
            if (g != null && (best == null || g.covers(best))) {
                best = g;
            }
        }
        if (best != null) {
            return best;
        }
        AccessLevel everyone = p.access().get("*");
        return everyone != null ? everyone : p.uacc();
    }
}
