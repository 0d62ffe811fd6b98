package dev.passgate.session;

import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.Request;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Connect step: {@code {"ok":true,"user","session","miners","idleTimeout"}}; the listener closes after it. */
public class ConnectReplyProcessor implements Processor {

    private final JsonLines lines;
    private final long idleTimeoutSeconds;

    public ConnectReplyProcessor(JsonLines lines, long idleTimeoutSeconds) {
        this.lines = lines;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
    }

    @Override
    public void process(Exchange exchange) {
        Session s = exchange.getProperty(SessionKeys.SESSION, Session.class);
        Request r = exchange.getProperty(SessionKeys.REQUEST, Request.class);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("user", s.user());
        reply.put("session", s.id());
        reply.put("miners", s.miners());
        reply.put("idleTimeout", idleTimeoutSeconds);
        exchange.getMessage().setBody(lines.ok(r.id(), reply));
        exchange.setProperty(SessionKeys.ACCEPTED, true);
    }
}
