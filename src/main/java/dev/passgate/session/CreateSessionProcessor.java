package dev.passgate.session;

import static dev.passgate.session.SessionKeys.MINERS_STARTED_KEY;
import static dev.passgate.session.SessionKeys.PENDING_KEY;
import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import java.time.Clock;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * Connect step: the session itself, in memory only: the logon's environment and pool place,
 * the started miners, the random ID chosen at logon. Nothing knows of it until the next steps record and
 * register it.
 */
public class CreateSessionProcessor implements Step {

    private final Clock clock;

    public CreateSessionProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public StepContract contract() {
        return new StepContract(Set.of(PENDING_KEY, MINERS_STARTED_KEY), Set.of(SESSION_KEY));
    }

    @Override
    public void process(Exchange exchange) {
        PendingSession pending = PENDING_KEY.get(exchange);
        SESSION_KEY.set(exchange, new Session(pending.sessionId(), pending.environment(),
                MINERS_STARTED_KEY.get(exchange).byMiner(), pending.lease(), pending.address(), pending.port(),
                clock.instant()));
    }
}
