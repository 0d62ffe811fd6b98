package dev.passgate.session;

import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import org.apache.camel.Exchange;

/** Logout step: the idle timer of a session that ended for another reason goes from the node's Quartz scheduler. */
public class StopIdleTimerProcessor implements Step {

    private final IdleTimeouts timeouts;

    public StopIdleTimerProcessor(IdleTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(SESSION_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        timeouts.stop(SESSION_KEY.get(exchange).id());
    }
}
