package dev.passgate.session;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import dev.passgate.server.ClientAddress;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connect step: redeem the single-use client ID on the handoff whose listener the client
 * reached, from the address that logged on. An ID issued for another handoff is wrong here.
 */
public class ValidateClientIdProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ValidateClientIdProcessor.class);

    private final ClientIdRegistry<PendingSession> clientIds;

    public ValidateClientIdProcessor(ClientIdRegistry<PendingSession> clientIds) {
        this.clientIds = clientIds;
    }

    @Override
    public void process(Exchange exchange) {
        Request r = exchange.getProperty(SessionKeys.REQUEST, Request.class);
        ClientAddress remote = exchange.getProperty(ClientAddress.PROPERTY, ClientAddress.class);
        if (remote == null) {
            // No accepted connection behind this exchange: nothing to bind the client ID's address to.
            throw new ProtocolException(ErrorCode.INVALID_CLIENT_ID);
        }
        String address = remote.host();
        ClientIdRegistry.Handoff handoff = exchange.getProperty(ConnectHandshake.HANDOFF, ClientIdRegistry.Handoff.class);
        ClientIdRegistry.Redemption<PendingSession> redeemed = clientIds.redeem(handoff, r.requiredText("clientId"),
                address);
        if (!redeemed.accepted()) {
            // The reason is for the operator; the client learns only that the ID is not valid.
            LOG.info("Client ID refused from {} on port {}: {}", address, localPort(exchange), redeemed.refusal());
            throw new ProtocolException(ErrorCode.INVALID_CLIENT_ID);
        }
        exchange.setProperty(SessionKeys.PENDING, redeemed.value());
    }

    private static Object localPort(Exchange exchange) {
        Channel ch = exchange.getProperty(SessionKeys.CHANNEL, Channel.class);
        return ch != null && ch.localAddress() instanceof InetSocketAddress a ? a.getPort() : "?";
    }
}
