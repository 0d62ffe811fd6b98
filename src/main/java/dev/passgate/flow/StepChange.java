package dev.passgate.flow;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One change to one step of a loaded route, written as a route of its own whose {@code from} is
 * {@code passgate:<kind>:<step id>}: its steps go before or after that step, or replace it, or
 * (with none) drop it. The change is woven into the target route when the context initialises,
 * so the start-up contract check sees the result as if the route had been written that way.
 *
 * @param kind what happens to the step
 * @param stepId the id of the step in the target route ({@code logon-authenticate})
 */
public record StepChange(Kind kind, String stepId) {

    /** The scheme of a change's {@code from}; there is no such component: a change never runs as a route. */
    public static final String SCHEME = "passgate";

    private static final Pattern URI = Pattern.compile(SCHEME + ":(?://)?([a-z]+):(.+)");

    public enum Kind {
        BEFORE, AFTER, REPLACE, DROP;

        String uriName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The change a route's {@code from} URI asks for, if it is one.
     *
     * @throws IllegalArgumentException for a {@code passgate:} URI that is not a valid change
     */
    public static Optional<StepChange> of(String uri) {
        if (uri == null || !uri.startsWith(SCHEME + ":")) {
            return Optional.empty();
        }
        Matcher m = URI.matcher(uri);
        if (!m.matches()) {
            throw new IllegalArgumentException(uri + " is not a step change: write passgate:before:<step id>,"
                    + " passgate:after:<step id>, passgate:replace:<step id> or passgate:drop:<step id>");
        }
        for (Kind k : Kind.values()) {
            if (k.uriName().equals(m.group(1))) {
                return Optional.of(new StepChange(k, m.group(2)));
            }
        }
        throw new IllegalArgumentException(uri + ": " + m.group(1) + " is not a kind of step change (before, after,"
                + " replace or drop)");
    }

    public String uri() {
        return SCHEME + ":" + kind.uriName() + ":" + stepId;
    }
}
