package dev.passgate.session;

import static dev.passgate.session.SessionKeys.REASON_KEY;
import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import org.apache.camel.Exchange;

/**
 * Logout step: the LOGOUT audit record and the removal of the session's row commit together,
 * and the step returns only then: a crash before leaves the row for the next start to log out
 * again, a crash after leaves nothing to redo. The client hears of the end only after this.
 */
public class RecordSessionEndProcessor implements Step {

    private final SessionStore store;

    public RecordSessionEndProcessor(SessionStore store) {
        this.store = store;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(SESSION_KEY, REASON_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        Session s = SESSION_KEY.get(exchange);
        store.ended(s.id(), s.user(), s.address(), REASON_KEY.get(exchange), "session " + s.id());
    }
}
