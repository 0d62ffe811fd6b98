package dev.passgate.miner;

import dev.passgate.protocol.Request;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.session.Session;
import dev.passgate.session.SessionKeys;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The miner SPI for Java miners. A miner is whatever consumes {@code direct:miner-<name>}:
 * a route an integrator writes in YAML, or a route that calls a bean like this one. It
 * finds the session, the request, its verb and its own security environment in the
 * exchange properties ({@link SessionKeys}) and leaves its reply fields as the body.
 * Throw {@link dev.passgate.protocol.ProtocolException} for an error reply.
 */
public abstract class Miner implements Processor {

    /** Handles one request; returns the reply's fields. */
    protected abstract Map<String, Object> handle(String verb, Request request, Session session,
            SecurityEnvironment environment) throws Exception;

    @Override
    public final void process(Exchange exchange) throws Exception {
        exchange.getMessage().setBody(handle(exchange.getProperty(SessionKeys.VERB, String.class),
                exchange.getProperty(SessionKeys.REQUEST, Request.class),
                exchange.getProperty(SessionKeys.SESSION, Session.class),
                exchange.getProperty(SessionKeys.MINER_ENVIRONMENT, SecurityEnvironment.class)));
    }

    protected static dev.passgate.protocol.ProtocolException unknownVerb(String miner, String verb) {
        return new dev.passgate.protocol.ProtocolException(dev.passgate.protocol.ErrorCode.BAD_REQUEST,
                "unknown op " + miner + "." + verb);
    }
}
