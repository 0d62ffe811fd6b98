package dev.passgate.session;

import static dev.passgate.session.SessionKeys.REASON_KEY;
import static dev.passgate.session.SessionKeys.RELEASE_KEY;
import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.exit.ExitKeys;
import dev.passgate.exit.ExitSubject;
import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import java.util.Set;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logout step, first: the session is marked ended, its pool place given back and it leaves the
 * live sessions. Several ends may race (a timeout and a logout); only the first gets
 * {@link SessionRelease#RELEASED}, and the route lets only that one go on. Who ended and why is
 * left for the logout exit ({@code PassGateExitSubject}).
 */
public class ReleaseSessionProcessor implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseSessionProcessor.class);

    private final SessionRegistry sessions;

    public ReleaseSessionProcessor(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @Override
    public StepContract contract() {
        return new StepContract(Set.of(SESSION_KEY, REASON_KEY), Set.of(RELEASE_KEY, ExitKeys.SUBJECT));
    }

    @Override
    public void process(Exchange exchange) {
        Session s = SESSION_KEY.get(exchange);
        boolean first = sessions.release(s);
        if (first) {
            LOG.info("Session {} of {} ended: {}", s.id(), s.user(), REASON_KEY.get(exchange).exitReason());
        }
        RELEASE_KEY.set(exchange, first ? SessionRelease.RELEASED : SessionRelease.ALREADY_ENDED);
        ExitKeys.SUBJECT.set(exchange, ExitSubject.logout(s.user(), s.address(), REASON_KEY.get(exchange).exitReason()));
    }
}
