package dev.passgate.exit;

import java.util.Arrays;

/**
 * The moments an installation exit gets control, each with its route {@code direct:exit-<name>}.
 * One enum instead of event names spelled out in several places, so that a new event cannot be
 * wired into the lifecycle and forgotten in the dispatch (the switches over it are exhaustive).
 */
public enum ExitEventType {
    INIT("init", 11),
    NEW_SESSION("new-session", 12),
    LOGIN("login", 13),
    LOGOUT("logout", 14),
    FILE("file", 15),
    TERMINATION("termination", 16),
    AFTER_LOGIN("after-login", 17);

    private final String routeName;
    private final int startupOrder;

    ExitEventType(String routeName, int startupOrder) {
        this.routeName = routeName;
        this.startupOrder = startupOrder;
    }

    /** The name routes and docs use: init, new-session, login, after-login, logout, file, termination. */
    public String routeName() {
        return routeName;
    }

    /** The endpoint the exit route consumes. */
    public String endpoint() {
        return "direct:exit-" + routeName;
    }

    /** The id of the built-in route for this event. */
    public String routeId() {
        return "exit-" + routeName;
    }

    /** Below the daemon's, so that exit routes are running before the daemon port opens. */
    public int startupOrder() {
        return startupOrder;
    }

    /** The event whose endpoint a route consumes, if any: {@code direct:exit-login}, {@code direct://exit-login?...}. */
    public static java.util.Optional<ExitEventType> consumedBy(String endpointUri) {
        if (endpointUri == null) {
            return java.util.Optional.empty();
        }
        String uri = endpointUri.trim().replaceFirst("^direct://", "direct:");
        int query = uri.indexOf('?');
        String base = query < 0 ? uri : uri.substring(0, query);
        return Arrays.stream(values()).filter(t -> t.endpoint().equals(base)).findFirst();
    }

    @Override
    public String toString() {
        return routeName;
    }
}
