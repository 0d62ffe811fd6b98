package dev.passgate.session;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Request step: check that the op names a miner that runs here and started for this
 * session, and hand the miner its own security environment; the route then sends the
 * exchange to {@code direct:miner-<name>}.
 */
public class DispatchMinerProcessor implements Processor {

    @Override
    public void process(Exchange exchange) {
        Request r = exchange.getProperty(SessionKeys.REQUEST, Request.class);
        String miner = exchange.getProperty(SessionKeys.MINER, String.class);
        if (miner == null || !hasRoute(exchange.getContext(), miner)) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "unknown op " + r.op());
        }
        Session s = exchange.getProperty(SessionKeys.SESSION, Session.class);
        var env = s.minerEnvironment(miner);
        if (env == null) {
            throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "miner " + miner + " is not started for this session");
        }
        exchange.setProperty(SessionKeys.MINER_ENVIRONMENT, env);
    }

    private static boolean hasRoute(CamelContext context, String miner) {
        String uri = "direct://miner-" + miner;
        return context.getRoutes().stream().anyMatch(route -> route.getEndpoint().getEndpointUri().equals(uri));
    }
}
