package dev.passgate.session;

import static dev.passgate.session.SessionKeys.IDLE_KEY;
import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.quartz.JobDataMap;

/**
 * Timeout step, first: which session the fired timer is for (the Quartz message's job data),
 * and whether it was idle all along ({@link IdleCheck}); the session, when it is still here.
 */
public class CheckIdleProcessor implements Step {

    /** The header camel-quartz's message carries the firing's job data in. */
    static final String JOB_DATA = "mergedJobDataMap";

    private final SessionRegistry sessions;
    private final IdleTimeouts timeouts;

    public CheckIdleProcessor(SessionRegistry sessions, IdleTimeouts timeouts) {
        this.sessions = sessions;
        this.timeouts = timeouts;
    }

    @Override
    public StepContract contract() {
        return StepContract.writes(IDLE_KEY, SESSION_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        String id = IdleTimeouts.sessionOf(exchange.getMessage().getHeader(JOB_DATA, JobDataMap.class));
        Optional<Session> session = id == null ? Optional.empty() : sessions.find(id);
        if (session.isEmpty()) {
            IDLE_KEY.set(exchange, IdleCheck.GONE);
            return;
        }
        SESSION_KEY.set(exchange, session.get());
        IDLE_KEY.set(exchange, timeouts.check(session.get()));
    }
}
