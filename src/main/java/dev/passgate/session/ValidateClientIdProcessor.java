package dev.passgate.session;

import static dev.passgate.session.SessionKeys.CHANNEL_KEY;
import static dev.passgate.session.SessionKeys.CLIENT_ADDRESS_KEY;
import static dev.passgate.session.SessionKeys.HANDOFF_KEY;
import static dev.passgate.session.SessionKeys.PENDING_KEY;
import static dev.passgate.session.SessionKeys.REQUEST_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import dev.passgate.server.ClientAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connect step: redeem the single-use client ID on the handoff whose listener the client
 * reached, from the address that logged on. An ID issued for another handoff is wrong here.
 */
public class ValidateClientIdProcessor implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(ValidateClientIdProcessor.class);

    private final ClientIdRegistry<PendingSession> clientIds;

    public ValidateClientIdProcessor(ClientIdRegistry<PendingSession> clientIds) {
        this.clientIds = clientIds;
    }

    @Override
    public StepContract contract() {
        return new StepContract(Set.of(REQUEST_KEY, HANDOFF_KEY), Set.of(PENDING_KEY));
    }

    @Override
    public void process(Exchange exchange) {
        Request r = REQUEST_KEY.get(exchange);
        // No accepted connection behind this exchange: nothing to bind the client ID's address to.
        ClientAddress remote = CLIENT_ADDRESS_KEY.find(exchange)
                .orElseThrow(() -> new ProtocolException(ErrorCode.INVALID_CLIENT_ID));
        String address = remote.host();
        ClientIdRegistry.Redemption<PendingSession> redeemed = clientIds.redeem(HANDOFF_KEY.get(exchange),
                r.requiredText("clientId"), address);
        if (!redeemed.accepted()) {
            // The reason is for the operator; the client learns only that the ID is not valid.
            LOG.info("Client ID refused from {} on port {}: {}", address, localPort(exchange), redeemed.refusal());
            throw new ProtocolException(ErrorCode.INVALID_CLIENT_ID);
        }
        PENDING_KEY.set(exchange, redeemed.value());
    }

    private static Object localPort(Exchange exchange) {
        return CHANNEL_KEY.find(exchange).filter(ch -> ch.localAddress() instanceof InetSocketAddress)
                .map(ch -> (Object) ((InetSocketAddress) ch.localAddress()).getPort()).orElse("?");
    }
}
