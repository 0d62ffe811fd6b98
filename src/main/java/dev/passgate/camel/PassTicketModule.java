package dev.passgate.camel;

import dev.passgate.passticket.JdbcReplayStore;
import dev.passgate.passticket.PassTicketEvaluator;
import dev.passgate.passticket.PassTicketGenerator;
import dev.passgate.passticket.ReplayStore;
import dev.passgate.security.SecurityRegistry;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;

/**
 * The PassTicket engine as routes see it: the {@code passticket:} component, the registry's
 * generator and evaluator, and the replay store with its purge step (route
 * {@code passticket-replay-purge}, schedule {@code passgate.passticket.replay-purge-cron}).
 * No lifecycle of its own: the store it writes to is the security module's.
 */
public final class PassTicketModule {

    public static final String GENERATOR = "passTicketGenerator";
    public static final String EVALUATOR = "passTicketEvaluator";
    public static final String REPLAY_STORE = "passTicketReplayStore";
    public static final String REPLAY_PURGE = "passTicketReplayPurge";

    private final SecurityRegistry security;
    private final JdbcReplayStore replayStore;
    private final Clock clock;

    public PassTicketModule(SecurityRegistry security, Clock clock) {
        this.security = security;
        this.clock = clock;
        this.replayStore = new JdbcReplayStore(security.dataSource());
    }

    /**
     * Adds the {@code passticket:} component, unless the embedding application brought its own.
     * Called once this module's beans are bound: the component autowires the generator and
     * evaluator from the registry as it is added.
     */
    public void addComponent(CamelContext context) {
        if (context.hasComponent("passticket") == null) {
            context.addComponent("passticket", new PassTicketComponent());
        }
    }

    @BindToRegistry(GENERATOR)
    public PassTicketGenerator passTicketGenerator() {
        return security.passTicketGenerator();
    }

    @BindToRegistry(EVALUATOR)
    public PassTicketEvaluator passTicketEvaluator() {
        return security.passTicketEvaluator();
    }

    @BindToRegistry(REPLAY_STORE)
    public ReplayStore passTicketReplayStore() {
        return replayStore;
    }

    @BindToRegistry(REPLAY_PURGE)
    public ReplayPurgeProcessor passTicketReplayPurge() {
        return new ReplayPurgeProcessor(replayStore, clock);
    }
}
