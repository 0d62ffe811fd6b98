package dev.passgate.session;

import static dev.passgate.session.SessionKeys.PENDING_KEY;
import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import org.apache.camel.Exchange;

/**
 * Connect step: the session's row in the database, connected, so that a crash from here on
 * leaves a row the next start logs out. The logon already committed a row for it before its
 * reply (the daemon's {@code logon-record-session}), so this waits for no commit; without that
 * row (the logon step dropped) it waits, and the client is told of the session only after.
 */
public class PersistSessionProcessor implements Step {

    private final SessionStore store;

    public PersistSessionProcessor(SessionStore store) {
        this.store = store;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(SESSION_KEY, PENDING_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        store.connected(SESSION_KEY.get(exchange), PENDING_KEY.get(exchange));
    }
}
