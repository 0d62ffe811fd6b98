package dev.passgate.session;

import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import org.apache.camel.Exchange;

/** Connect step: arm the session's idle timer on Quartz ({@code passgate.session.idle-timeout}; 0 = never). */
public class ScheduleIdleTimeoutProcessor implements Step {

    private final IdleTimeouts timer;

    public ScheduleIdleTimeoutProcessor(IdleTimeouts timer) {
        this.timer = timer;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(SESSION_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        timer.start(SESSION_KEY.get(exchange));
    }
}
