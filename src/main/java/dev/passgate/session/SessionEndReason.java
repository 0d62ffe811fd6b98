package dev.passgate.session;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a session ended. One vocabulary for the logout route (set by name in YAML:
 * {@code constant: TIMEOUT}), the logout exit (its lower-case name), the audit (its name)
 * and the client, who is told of the ends it did not ask for.
 */
public enum SessionEndReason {
    /** The client's own {@code logout} request; its reply is the last line. */
    LOGOUT(false),
    /** The idle timer ran out: {@code {"event":"timeout"}}. */
    TIMEOUT(true),
    /** An operator's {@code CANCEL}: {@code {"event":"cancelled"}}. */
    CANCELLED(true),
    /** A newer session of the same user under single logon: {@code {"event":"replaced"}}. */
    REPLACED(true),
    /** The client's connection closed or failed. */
    DISCONNECTED(false),
    /** The node is stopping. */
    SHUTDOWN(false),
    /** Found at start, left by a previous life of this node that did not log it out. */
    RESTART(false),
    /** Its node stopped beating (killed, or cut off from the store); a surviving node logged it out. */
    NODE_LOST(false);

    private final boolean toldToClient;

    SessionEndReason(boolean toldToClient) {
        this.toldToClient = toldToClient;
    }

    /** The reason as the logout exit and the log know it ({@code timeout}). */
    public String exitReason() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The event line's name the client gets before the close, for ends it did not ask for. */
    public Optional<String> clientEvent() {
        return toldToClient ? Optional.of(exitReason()) : Optional.empty();
    }
}
