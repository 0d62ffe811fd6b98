package dev.passgate.session;

import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import java.time.Clock;
import org.apache.camel.Exchange;

/** Request step: every request pushes the idle deadline back (in memory; the timer reads it when it fires). */
public class TouchSessionProcessor implements Step {

    private final Clock clock;

    public TouchSessionProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(SESSION_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        SESSION_KEY.get(exchange).touch(clock.millis());
    }
}
