package dev.passgate.passticket;

import dev.passgate.passticket.Evaluation.Outcome;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks offered tickets: finds the most specific PTKTDATA profile, runs each of its
 * algorithms backwards to the generation second, checks the window and records the use
 * for replay protection.
 */
public final class PassTicketEvaluator {

    /**
     * A decoded second this close to the clock but outside the window is reported as expired;
     * farther away it is reported as invalid, since a wrong key yields a random second.
     */
    static final long PLAUSIBLE_SECONDS = 86_400;

    private final PassTicketDefinitionResolver resolver;
    private final ReplayStore replayStore;
    private final Clock clock;
    private final PassTicketEvents events;

    public PassTicketEvaluator(PassTicketDefinitionResolver resolver, ReplayStore replayStore, Clock clock) {
        this(resolver, replayStore, clock, PassTicketEvents.NONE);
    }

    public PassTicketEvaluator(PassTicketDefinitionResolver resolver, ReplayStore replayStore, Clock clock,
            PassTicketEvents events) {
        this.resolver = resolver;
        this.replayStore = replayStore;
        this.clock = clock;
        this.events = events;
    }

    public Evaluation evaluate(String user, String applid, String ticket) {
        return evaluate(user, null, applid, ticket);
    }

    /**
     * @param group the user's current group (for qualified profiles), or null
     * @throws IllegalArgumentException a user ID or APPLID that breaks RACF's rules
     */
    public Evaluation evaluate(String user, String group, String applid, String ticket) {
        Evaluation e = check(user, group, applid, ticket);
        events.evaluated(e);
        return e;
    }

    private Evaluation check(String user, String group, String applid, String ticket) {
        String u = RacfName.normalize(user, "user ID");
        String a = RacfName.normalize(applid, "APPLID");
        String g = group == null || group.isEmpty() ? null : RacfName.normalize(group, "group");
        long now = clock.instant().getEpochSecond();
        Optional<PassTicketDefinition> found = resolver.forEvaluation(u, g, a);
        if (found.isEmpty()) {
            return new Evaluation(Outcome.NO_PROFILE, u, a, null, null, -1);
        }
        PassTicketDefinition definition = found.get();
        if (!definition.hasKey()) {
            return new Evaluation(Outcome.NO_KEY, u, a, definition.profile(), null, -1);
        }
        Outcome failure = Outcome.INVALID;
        for (PassTicketAlgorithm algorithm : definition.evaluators()) {
            OptionalLong time = algorithm.generationTime(u, a, ticket, now);
            if (time.isEmpty()) {
                continue;
            }
            long t = time.getAsLong();
            long distance = Math.abs(t - now);
            int window = definition.windowSeconds(algorithm.type());
            if (distance > window) {
                if (distance <= PLAUSIBLE_SECONDS) {
                    failure = Outcome.EXPIRED;
                }
                continue;
            }
            if (definition.replayProtected(algorithm.type())
                    && !replayStore.recordFirstUse(u, a, algorithm.type(), t, t + window + 1)) {
                return new Evaluation(Outcome.REPLAYED, u, a, definition.profile(), algorithm.type(), t);
            }
            return new Evaluation(Outcome.VALID, u, a, definition.profile(), algorithm.type(), t);
        }
        return new Evaluation(failure, u, a, definition.profile(), null, -1);
    }
}
