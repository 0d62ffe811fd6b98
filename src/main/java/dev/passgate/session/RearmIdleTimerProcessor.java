package dev.passgate.session;

import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import org.apache.camel.Exchange;

/** Timeout step for a session used since its timer was armed: the timer is armed again for the new deadline. */
public class RearmIdleTimerProcessor implements Step {

    private final IdleTimeouts timeouts;

    public RearmIdleTimerProcessor(IdleTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(SESSION_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        timeouts.rearm(SESSION_KEY.get(exchange));
    }
}
