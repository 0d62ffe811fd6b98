package dev.passgate.passticket;

import java.util.OptionalLong;

/**
 * One PassTicket algorithm bound to one key. Implementations are thread-safe.
 *
 * <p>User IDs and APPLIDs passed in must already be normalized by {@link RacfName#normalize}.
 */
public interface PassTicketAlgorithm {

    PassTicketType type();

    /** The ticket for the user at the application at the given second since the epoch. */
    String generate(String user, String applid, long epochSeconds);

    /**
     * Runs the algorithm backwards: the second at which this key would have produced exactly
     * {@code ticket} for the user and application, or empty when no second would.
     * The caller decides whether that second lies inside the validity window.
     *
     * @param near the evaluator's clock; in the rare case that several seconds fit, the nearest wins
     */
    OptionalLong generationTime(String user, String applid, String ticket, long near);
}
