package dev.passgate.session;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Request step: every request pushes the idle deadline back. */
public class TouchSessionProcessor implements Processor {

    private final Clock clock;

    public TouchSessionProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getProperty(SessionKeys.SESSION, Session.class).touch(clock.millis());
    }
}
