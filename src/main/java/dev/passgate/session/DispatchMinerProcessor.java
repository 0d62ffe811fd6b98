package dev.passgate.session;

import static dev.passgate.session.SessionKeys.MINER_ENVIRONMENT_KEY;
import static dev.passgate.session.SessionKeys.MINER_KEY;
import static dev.passgate.session.SessionKeys.REQUEST_KEY;
import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

/**
 * Request step: check that the op names a miner that runs here and started for this
 * session, and hand the miner its own security environment; the route then sends the
 * exchange to {@code direct:miner-<name>}.
 */
public class DispatchMinerProcessor implements Step {

    @Override
    public StepContract contract() {
        return new StepContract(Set.of(REQUEST_KEY, SESSION_KEY), Set.of(MINER_ENVIRONMENT_KEY));
    }

    @Override
    public void process(Exchange exchange) {
        Request r = REQUEST_KEY.get(exchange);
        String miner = MINER_KEY.find(exchange).orElse(null); // none: the op has no miner part
        if (miner == null || !hasRoute(exchange.getContext(), miner)) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "unknown op " + r.op());
        }
        var env = SESSION_KEY.get(exchange).minerEnvironment(miner);
        if (env == null) {
            throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "miner " + miner + " is not started for this session");
        }
        MINER_ENVIRONMENT_KEY.set(exchange, env);
    }

    private static boolean hasRoute(CamelContext context, String miner) {
        String uri = "direct://miner-" + miner;
        return context.getRoutes().stream().anyMatch(route -> route.getEndpoint().getEndpointUri().equals(uri));
    }
}
