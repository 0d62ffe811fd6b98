package dev.passgate.session;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import java.net.InetSocketAddress;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.netty.NettyConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Connect step: redeem the single-use client ID from the address that logged on. */
public class ValidateClientIdProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ValidateClientIdProcessor.class);

    private final ClientIdRegistry<PendingSession> clientIds;

    public ValidateClientIdProcessor(ClientIdRegistry<PendingSession> clientIds) {
        this.clientIds = clientIds;
    }

    @Override
    public void process(Exchange exchange) {
        Request r = exchange.getProperty(SessionKeys.REQUEST, Request.class);
        InetSocketAddress remote = exchange.getMessage().getHeader(NettyConstants.NETTY_REMOTE_ADDRESS,
                InetSocketAddress.class);
        String address = remote.getAddress().getHostAddress();
        ClientIdRegistry.Redemption<PendingSession> redeemed = clientIds.redeem(r.requiredText("clientId"), address);
        if (!redeemed.accepted()) {
            // The reason is for the operator; the client learns only that the ID is not valid.
            LOG.info("Client ID refused from {}: {}", address, redeemed.refusal());
            throw new ProtocolException(ErrorCode.INVALID_CLIENT_ID);
        }
        exchange.setProperty(SessionKeys.PENDING, redeemed.value());
    }
}
