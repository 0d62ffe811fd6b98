package dev.passgate.session;

import static dev.passgate.session.SessionKeys.END_KEY;
import static dev.passgate.session.SessionKeys.REQUEST_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.JsonLines;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;

/** {@code logout}: its reply, which the session sends last, once the logout is committed; then the close. */
public class LogoutRequestProcessor implements Step {

    private final JsonLines lines;

    public LogoutRequestProcessor(JsonLines lines) {
        this.lines = lines;
    }

    @Override
    public StepContract contract() {
        return new StepContract(Set.of(REQUEST_KEY), Set.of(END_KEY));
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setBody(lines.ok(REQUEST_KEY.get(exchange).id(), Map.of()));
        END_KEY.set(exchange, SessionEndReason.LOGOUT);
    }
}
