package dev.passgate.session;

import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import org.apache.camel.Exchange;

/**
 * Connect step: record the session in the database and wait for the commit, so that a crash
 * from here on leaves a row the next start logs out; the client is told of the session only
 * after this.
 */
public class PersistSessionProcessor implements Step {

    private final SessionStore store;

    public PersistSessionProcessor(SessionStore store) {
        this.store = store;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(SESSION_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        store.add(SESSION_KEY.get(exchange));
    }
}
