package dev.passgate.session;

import static dev.passgate.session.SessionKeys.REASON_KEY;
import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.exit.LoginExits;
import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import org.apache.camel.Exchange;

/**
 * Logout step: the logout exit ({@code direct:exit-logout}) runs with the reason, through
 * {@link LoginExits}, which bounds it by {@code passgate.exit.timeout}, audits a fault, and lets
 * go of the user exit block with the combination's last session. An exit cannot stop a logout.
 */
public class LogoutExitProcessor implements Step {

    private final LoginExits exits;

    public LogoutExitProcessor(LoginExits exits) {
        this.exits = exits;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(SESSION_KEY, REASON_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        Session s = SESSION_KEY.get(exchange);
        exits.sessionEnded(s.user(), s.address(), REASON_KEY.get(exchange).exitReason());
    }
}
