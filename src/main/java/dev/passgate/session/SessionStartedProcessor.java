package dev.passgate.session;

import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.exit.LoginExits;
import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import org.apache.camel.Exchange;

/**
 * Connect step: tell the login exits that the session took over its logon's handoff, so the
 * user exit block lives on with the session and the handoff's {@code expired} logout does not
 * come; from now on exactly one logout exit (at the session's end) follows.
 */
public class SessionStartedProcessor implements Step {

    private final LoginExits exits;

    public SessionStartedProcessor(LoginExits exits) {
        this.exits = exits;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(SESSION_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        Session session = SESSION_KEY.get(exchange);
        exits.sessionStarted(session.user(), session.address());
    }
}
