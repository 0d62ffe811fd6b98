package dev.passgate.session;

import static dev.passgate.session.SessionKeys.ACCEPTED_KEY;
import static dev.passgate.session.SessionKeys.REQUEST_KEY;
import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.JsonLines;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;

/** Connect step: {@code {"ok":true,"user","session","miners","idleTimeout"}}; the listener closes after it. */
public class ConnectReplyProcessor implements Step {

    private final JsonLines lines;
    private final long idleTimeoutSeconds;

    public ConnectReplyProcessor(JsonLines lines, long idleTimeoutSeconds) {
        this.lines = lines;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
    }

    @Override
    public StepContract contract() {
        return new StepContract(Set.of(SESSION_KEY, REQUEST_KEY), Set.of(ACCEPTED_KEY));
    }

    @Override
    public void process(Exchange exchange) {
        Session s = SESSION_KEY.get(exchange);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("user", s.user());
        reply.put("session", s.id());
        reply.put("miners", s.miners());
        reply.put("idleTimeout", idleTimeoutSeconds);
        exchange.getMessage().setBody(lines.ok(REQUEST_KEY.get(exchange).id(), reply));
        ACCEPTED_KEY.set(exchange, true);
    }
}
