package dev.passgate.daemon;

import dev.passgate.exit.ExitRejectedException;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.AttributeKey;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.netty.NettyConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failed daemon request into its error reply. A {@link ProtocolException} speaks
 * for itself; anything else is SERVER_ERROR, with details only in the log. A connection
 * gets {@code passgate.logon.max-attempts-per-connection} tries, then it is closed.
 */
public class ClientErrorProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ClientErrorProcessor.class);
    private static final AttributeKey<Integer> ATTEMPTS = AttributeKey.valueOf("passgate.logon.attempts");

    private final JsonLines lines;
    private final int maxAttempts;

    private final Consumer<String> outcomes;
    private final Runnable durable;

    /**
     * @param outcomes told each error code answered (metrics)
     * @param durable waits until what the attempt recorded (a failed verify, a revocation) is committed
     */
    public ClientErrorProcessor(JsonLines lines, int maxAttempts, Consumer<String> outcomes, Runnable durable) {
        this.outcomes = outcomes;
        this.durable = durable;
        this.lines = lines;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void process(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ProtocolException p = e instanceof ProtocolException pe ? pe : unexpected(e);
        TakenResources.giveBack(exchange); // before the reply, so a client that retries finds the place free
        var id = LogonKeys.REQUEST.find(exchange).map(r -> r.request().id())
                .orElseGet(() -> lines.idOf(RequestLine.text(exchange.getMessage().getBody())));
        syncQuietly();
        exchange.getMessage().setBody(lines.error(id, p));
        outcomes.accept(p.code().name());
        boolean close = p.code() == ErrorCode.LINE_TOO_LONG || attempts(exchange) >= maxAttempts
                || e instanceof ExitRejectedException r && r.disconnect();
        exchange.getMessage().setHeader(NettyConstants.NETTY_CLOSE_CHANNEL_WHEN_COMPLETE, close);
    }

    private void syncQuietly() {
        try {
            durable.run();
        } catch (RuntimeException e) {
            LOG.error("Audit records of a refused logon could not be committed: {}", e.getMessage());
        }
    }

    private static ProtocolException unexpected(Exception e) {
        LOG.error("Unexpected error in a logon", e);
        return new ProtocolException(ErrorCode.SERVER_ERROR);
    }

    private static int attempts(Exchange exchange) {
        ChannelHandlerContext ctx = exchange.getMessage().getHeader(NettyConstants.NETTY_CHANNEL_HANDLER_CONTEXT,
                ChannelHandlerContext.class);
        if (ctx == null) {
            return 1;
        }
        Channel ch = ctx.channel();
        Integer n = ch.attr(ATTEMPTS).get();
        int next = n == null ? 1 : n + 1;
        ch.attr(ATTEMPTS).set(next);
        return next;
    }
}
