package dev.passgate.session;

import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.Request;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** {@code whoami}: user, groups, session, pool, miners. */
public class WhoamiProcessor implements Processor {

    private final JsonLines lines;

    public WhoamiProcessor(JsonLines lines) {
        this.lines = lines;
    }

    @Override
    public void process(Exchange exchange) {
        Session s = exchange.getProperty(SessionKeys.SESSION, Session.class);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("user", s.user());
        reply.put("groups", s.environment().groups());
        reply.put("session", s.id());
        reply.put("pool", s.pool());
        reply.put("miners", s.miners());
        exchange.getMessage().setBody(lines.ok(exchange.getProperty(SessionKeys.REQUEST, Request.class).id(), reply));
    }
}
