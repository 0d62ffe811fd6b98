package dev.passgate.security;

import java.time.Instant;
import java.util.List;

/**
 * The ACEE analogue: who an authenticated user is, immutable, made only by a successful
 * {@link Verifier} call (the constructor is package-private). Every access check is
 * made against one of these.
 */
public final class SecurityEnvironment {

    private final String user;
    private final String defaultGroup;
    private final List<String> groups;
    private final LogonMethod method;
    private final Instant createdAt;

    SecurityEnvironment(String user, String defaultGroup, List<String> groups, LogonMethod method, Instant createdAt) {
        this.user = user;
        this.defaultGroup = defaultGroup;
        this.groups = List.copyOf(groups);
        this.method = method;
        this.createdAt = createdAt;
    }

    public String user() {
        return user;
    }

    /** The group the user is connected to at logon (RACF's current group). */
    public String defaultGroup() {
        return defaultGroup;
    }

    public List<String> groups() {
        return groups;
    }

    public LogonMethod method() {
        return method;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "SecurityEnvironment[" + user + ", groups " + groups + ", " + method + ", " + createdAt + "]";
    }
}
