package dev.passgate.session;

import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.Request;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** {@code logout}: reply, then the session ends (the server closes the connection). */
public class LogoutRequestProcessor implements Processor {

    private final JsonLines lines;

    public LogoutRequestProcessor(JsonLines lines) {
        this.lines = lines;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setBody(lines.ok(exchange.getProperty(SessionKeys.REQUEST, Request.class).id(), Map.of()));
        exchange.setProperty(SessionKeys.END, "logout");
    }
}
