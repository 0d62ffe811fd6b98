package dev.passgate.session;

import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import org.apache.camel.Exchange;

/**
 * Connect step, where {@code passgate.session.single-logon=true} (the route's filter): of the
 * user's sessions on every node, the newest stays and the others end ({@code {"event":"replaced"}})
 * ({@link SingleLogonRule}), so a crashed client holds nothing. Runs after the session's row is
 * submitted, and waits for its commit before it looks.
 */
public class SingleLogonProcessor implements Step {

    private final SingleLogonRule rule;

    public SingleLogonProcessor(SingleLogonRule rule) {
        this.rule = rule;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(SESSION_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        rule.apply(SESSION_KEY.get(exchange));
    }
}
