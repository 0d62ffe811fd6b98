package dev.passgate.session;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a failed connect or session request into its error reply; the session goes on. */
public class SessionErrorProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(SessionErrorProcessor.class);

    private final JsonLines lines;

    public SessionErrorProcessor(JsonLines lines) {
        this.lines = lines;
    }

    @Override
    public void process(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ProtocolException p;
        if (e instanceof ProtocolException pe) {
            p = pe;
        } else {
            LOG.error("Unexpected error in a session request", e);
            p = new ProtocolException(ErrorCode.SERVER_ERROR);
        }
        Request r = exchange.getProperty(SessionKeys.REQUEST, Request.class);
        var id = r != null ? r.id() : lines.idOf(exchange.getMessage().getBody(String.class));
        exchange.getMessage().setBody(lines.error(id, p));
    }
}
