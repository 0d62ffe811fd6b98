package dev.passgate.daemon;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import javax.net.ssl.SSLException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.ReadTimeoutHandler;
import dev.passgate.partner.PartnerInfoService;
import dev.passgate.server.TlsSettings;
import java.util.Optional;
import org.apache.camel.component.netty.DefaultServerInitializerFactory;
import org.apache.camel.component.netty.NettyConsumer;
import org.apache.camel.component.netty.ServerInitializerFactory;

/**
 * camel-netty's pipeline for the daemon port, plus what the protocol asks of it:
 * connections that send nothing are closed after {@code passgate.daemon.read-timeout},
 * and a line over the limit is answered {@code LINE_TOO_LONG} before the connection closes
 * (camel-netty alone would only log it); with {@code passgate.daemon.tls.enabled} the
 * connection is TLS, optionally with a client certificate.
 */
public class DaemonChannelInitializer extends ServerInitializerFactory {

    private final int readTimeoutSeconds;
    private final JsonLines lines;
    private final Optional<TlsSettings> tls;
    private final PartnerInfoService partners;
    private final boolean setPartnerInfo;

    /** @param setPartnerInfo look up each connection's partner as it is accepted (trusted logon needs it) */
    public DaemonChannelInitializer(int readTimeoutSeconds, JsonLines lines, Optional<TlsSettings> tls,
            PartnerInfoService partners, boolean setPartnerInfo) {
        this.readTimeoutSeconds = readTimeoutSeconds;
        this.lines = lines;
        this.tls = tls;
        this.partners = partners;
        this.setPartnerInfo = setPartnerInfo;
    }

    /** camel-netty asks the bound bean for one initializer per consumer. */
    @Override
    public ServerInitializerFactory createPipelineFactory(NettyConsumer consumer) {
        return new Pipeline(consumer, readTimeoutSeconds, lines, tls, partners, setPartnerInfo);
    }

    @Override
    protected void initChannel(Channel ch) {
        throw new IllegalStateException("use createPipelineFactory: this bean only makes initializers");
    }

    /** camel-netty's own pipeline with the two additions. */
    static final class Pipeline extends DefaultServerInitializerFactory {
        private final int readTimeoutSeconds;
        private final JsonLines lines;
        private final Optional<TlsSettings> tls;
        private final PartnerInfoService partners;
        private final boolean setPartnerInfo;

        Pipeline(NettyConsumer consumer, int readTimeoutSeconds, JsonLines lines, Optional<TlsSettings> tls,
                PartnerInfoService partners, boolean setPartnerInfo) {
            super(consumer);
            this.readTimeoutSeconds = readTimeoutSeconds;
            this.lines = lines;
            this.tls = tls;
            this.partners = partners;
            this.setPartnerInfo = setPartnerInfo;
        }

        @Override
        protected void initChannel(Channel ch) throws Exception {
            super.initChannel(ch);
            partners.accepted(ch, "daemon", null, setPartnerInfo);
            // camel-netty names its own request handler "handler"; ours sees errors just before it does.
            ch.pipeline().addBefore("handler", "passgate-protocol-errors", new ProtocolErrors(lines));
            if (readTimeoutSeconds > 0) {
                ch.pipeline().addFirst("passgate-read-timeout", new ReadTimeoutHandler(readTimeoutSeconds));
            }
            // Our own TLS, not camel-netty's: it can ask for a client certificate without requiring one.
            tls.ifPresent(t -> ch.pipeline().addFirst("passgate-tls", t.newHandler(ch.alloc())));
        }
    }

    /** Answers oversized lines and closes idle connections without a stack trace in the log. */
    @ChannelHandler.Sharable
    static final class ProtocolErrors extends ChannelInboundHandlerAdapter {
        private final JsonLines lines;

        ProtocolErrors(JsonLines lines) {
            this.lines = lines;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException) {
                ctx.writeAndFlush(lines.error(null, new ProtocolException(ErrorCode.LINE_TOO_LONG)) + "\n")
                        .addListener(ChannelFutureListener.CLOSE);
            } else if (cause instanceof ReadTimeoutException
                    || (cause instanceof DecoderException && cause.getCause() instanceof SSLException)) {
                ctx.close(); // silent clients and failed TLS handshakes need no stack trace in the log
            } else {
                ctx.fireExceptionCaught(cause);
            }
        }
    }
}
