package dev.passgate.session;

import static dev.passgate.session.SessionKeys.REQUEST_KEY;
import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.JsonLines;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/** {@code whoami}: user, groups, session, pool, miners. */
public class WhoamiProcessor implements Step {

    private final JsonLines lines;

    public WhoamiProcessor(JsonLines lines) {
        this.lines = lines;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(SESSION_KEY, REQUEST_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        Session s = SESSION_KEY.get(exchange);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("user", s.user());
        reply.put("groups", s.environment().groups());
        reply.put("session", s.id());
        reply.put("pool", s.pool());
        reply.put("miners", s.miners());
        exchange.getMessage().setBody(lines.ok(REQUEST_KEY.get(exchange).id(), reply));
    }
}
