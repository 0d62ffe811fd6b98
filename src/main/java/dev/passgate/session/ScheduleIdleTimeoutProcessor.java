package dev.passgate.session;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Connect step: arm the session's idle timer on Quartz ({@code passgate.session.idle-timeout}; 0 = never). */
public class ScheduleIdleTimeoutProcessor implements Processor {

    private final IdleTimeouts timer;

    public ScheduleIdleTimeoutProcessor(IdleTimeouts timer) {
        this.timer = timer;
    }

    @Override
    public void process(Exchange exchange) {
        timer.start(exchange.getProperty(SessionKeys.SESSION, Session.class));
    }
}
