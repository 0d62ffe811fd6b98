package dev.passgate.daemon;

import dev.passgate.partner.PartnerInfoService;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.server.ClientAddress;
import dev.passgate.server.ProxyProtocol;
import dev.passgate.server.LineCodec;
import dev.passgate.server.TlsSettings;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.apache.camel.Exchange;
import org.apache.camel.component.netty.NettyConsumer;
import org.apache.camel.component.netty.ServerInitializerFactory;
import org.apache.camel.component.netty.handlers.ServerChannelHandler;

/**
 * The daemon port's pipeline for camel-netty. Before a connection gets a pipeline at all it must
 * have a place among the unauthenticated connections ({@link UnauthenticatedConnections}) and the
 * process must be clear of its descriptor reserve ({@link DescriptorReserve}); else it is answered
 * one {@code RATE_LIMITED} line (with TLS, which it has not negotiated, nothing) and closed, never
 * read. A connection that has one is closed at the login grace time however it trickles
 * ({@link LoginGrace}), and after {@code passgate.daemon.read-timeout} of silence; a line over the
 * limit is answered {@code LINE_TOO_LONG} before the connection closes ({@link LineCodec}); with
 * {@code passgate.daemon.tls.enabled} the connection is TLS, optionally with a client certificate.
 * <p>
 * The pipeline frames lines with PassGate's {@link LineCodec} instead of camel-netty's textline codec,
 * and hands camel-netty each line as a {@link RequestLine} and takes each reply as a {@link ReplyLine},
 * so that what camel-netty logs at DEBUG (each message received and written) hides the password and
 * the client ID. The client's address goes to the route as a {@link ClientAddress}.
 */
public class DaemonChannelInitializer extends ServerInitializerFactory {

    static final String HANDLER = "handler";

    private final int readTimeoutSeconds;
    private final LineCodec codec;
    private final JsonLines lines;
    private final Optional<TlsSettings> tls;
    private final PartnerInfoService partners;
    private final boolean setPartnerInfo;
    private final ConnectionLimits limits;
    private final UnauthenticatedConnections unauthenticated;
    private final DescriptorReserve descriptors;
    private final Optional<ProxyProtocol> proxy;

    /** @param setPartnerInfo look up each connection's partner as it is accepted (trusted logon needs it) */
    public DaemonChannelInitializer(int readTimeoutSeconds, int maxLineBytes, JsonLines lines, Optional<TlsSettings> tls,
            PartnerInfoService partners, boolean setPartnerInfo, ConnectionLimits limits, Optional<ProxyProtocol> proxy) {
        this.readTimeoutSeconds = readTimeoutSeconds;
        this.proxy = proxy;
        this.codec = new LineCodec(maxLineBytes);
        this.lines = lines;
        this.tls = tls;
        this.partners = partners;
        this.setPartnerInfo = setPartnerInfo;
        this.limits = limits;
        this.unauthenticated = new UnauthenticatedConnections(limits.maxPerAddress(), limits.maxTotal());
        this.descriptors = DescriptorReserve.ofThisProcess(limits.descriptorReservePercent());
    }

    /** The connections on the daemon port that have not logged on yet. */
    public UnauthenticatedConnections unauthenticated() {
        return unauthenticated;
    }

    /** camel-netty asks the bound bean for one initializer per consumer. */
    @Override
    public ServerInitializerFactory createPipelineFactory(NettyConsumer consumer) {
        return new Pipeline(consumer);
    }

    @Override
    protected void initChannel(Channel ch) {
        throw new IllegalStateException("use createPipelineFactory: this bean only makes initializers");
    }

    /** One consumer's initializer: admission, then the pipeline. */
    final class Pipeline extends ServerInitializerFactory {
        private final NettyConsumer consumer;

        Pipeline(NettyConsumer consumer) {
            this.consumer = consumer;
        }

        @Override
        public ServerInitializerFactory createPipelineFactory(NettyConsumer other) {
            return new Pipeline(other);
        }

        @Override
        protected void initChannel(Channel ch) {
            ClientAddress remote = ClientAddress.accepted(ch).orElse(null);
            if (remote == null) {
                ch.close(); // gone before it could be looked at
                return;
            }
            boolean reserveReached = descriptors.refuses();
            UnauthenticatedConnections.Place place = reserveReached ? null : unauthenticated.admit(remote.address());
            if (place == null) {
                refuse(ch, reserveReached ? null : unauthenticated.refusal(remote.address()));
                return;
            }
            // Given back however the connection ends: success reply (the handoff closes it), error, timeout, client.
            ch.closeFuture().addListener(f -> place.close());
            if (proxy.isPresent() && !proxy.get().addTo(ch)) {
                return; // not one of the load balancers: closed
            }
            partners.accepted(ch, "daemon", null, setPartnerInfo);
            ChannelPipeline p = ch.pipeline();
            // Our own TLS, not camel-netty's: it can ask for a client certificate without requiring one.
            tls.ifPresent(t -> p.addLast("passgate-tls", t.newHandler(ch.alloc())));
            if (readTimeoutSeconds > 0) {
                p.addLast("passgate-read-timeout", new ReadTimeoutHandler(readTimeoutSeconds));
            }
            codec.addTo(p);
            LineCodec.answerHalfClosed(p); // echo '{"op":"logon",...}' | nc -q1 host 4035 gets its reply
            p.addLast("passgate-request-lines", new RequestLineDecoder());
            p.addLast("passgate-reply-lines", REPLY_LINE_ENCODER);
            if (!limits.loginGraceTime().isZero()) {
                p.addLast("passgate-login-grace", new LoginGrace(limits.loginGraceTime()));
            }
            // camel-netty's request handler sees errors just after ours.
            p.addLast("passgate-protocol-errors", ProtocolErrors.INSTANCE);
            ServerChannelHandler handler = new DaemonRequestHandler(consumer, lines);
            if (consumer.getConfiguration().isUsingExecutorService()) {
                p.addLast(consumer.getEndpoint().getComponent().getExecutorService(), HANDLER, handler);
            } else {
                p.addLast(HANDLER, handler);
            }
        }

        /** One RATE_LIMITED line and close; nothing is read. The descriptor reserve (why null) is not named. */
        private void refuse(Channel ch, UnauthenticatedConnections.Refusal why) {
            ch.config().setAutoRead(false);
            if (tls.isPresent()) {
                ch.close();
                return;
            }
            String message = why == UnauthenticatedConnections.Refusal.PER_ADDRESS
                    ? "too many connections from this address are waiting to log on; try again later"
                    : "too many connections are waiting to log on; try again later";
            String line = lines.error(null, new ProtocolException(ErrorCode.RATE_LIMITED, message));
            ch.pipeline().addLast("passgate-refusal", new ChannelInboundHandlerAdapter() {
                @Override
                public void channelActive(ChannelHandlerContext ctx) {
                    ctx.writeAndFlush(LineCodec.encode(ctx.alloc(), line)).addListener(ChannelFutureListener.CLOSE);
                }

                @Override
                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                    ctx.close(); // a client gone before its refusal needs no stack trace
                }
            });
        }
    }

    /** Each line as a {@link RequestLine}, so that what camel-netty logs of it shows no password. */
    static final class RequestLineDecoder extends MessageToMessageDecoder<String> {
        @Override
        protected void decode(ChannelHandlerContext ctx, String line, List<Object> out) {
            out.add(new RequestLine(line));
        }
    }

    private static final ReplyLineEncoder REPLY_LINE_ENCODER = new ReplyLineEncoder();

    /** A {@link ReplyLine} back to its text, for the line codec to write. */
    @ChannelHandler.Sharable
    static final class ReplyLineEncoder extends MessageToMessageEncoder<ReplyLine> {
        @Override
        protected void encode(ChannelHandlerContext ctx, ReplyLine reply, List<Object> out) {
            out.add(reply.text());
        }
    }

    /** camel-netty's handler, writing each reply as a {@link ReplyLine} so that its DEBUG line shows no client ID. */
    static final class DaemonRequestHandler extends ServerChannelHandler {
        private final JsonLines lines;

        DaemonRequestHandler(NettyConsumer consumer, JsonLines lines) {
            super(consumer);
            this.lines = lines;
        }

        @Override
        protected Object getResponseBody(Exchange exchange) throws Exception {
            Object body = super.getResponseBody(exchange);
            if (body == null || body instanceof ReplyLine) {
                return body;
            }
            if (body instanceof Throwable) {
                // An exception the route did not handle: its details stay in the log, not on the wire.
                return new ReplyLine(lines.error(null, new ProtocolException(ErrorCode.SERVER_ERROR)));
            }
            return new ReplyLine(exchange.getContext().getTypeConverter().mandatoryConvertTo(String.class, exchange, body));
        }

        /** The steps read the client's address from PassGate's own property, noted at the accept. */
        @Override
        protected void beforeProcess(Exchange exchange, ChannelHandlerContext ctx, Object message) {
            super.beforeProcess(exchange, ctx, message);
            ClientAddress.of(ctx.channel()).ifPresent(a -> exchange.setProperty(ClientAddress.PROPERTY, a));
        }
    }

    /** Closes idle connections and failed TLS handshakes without a stack trace in the log (the codec answers long lines). */
    @ChannelHandler.Sharable
    static final class ProtocolErrors extends ChannelInboundHandlerAdapter {
        static final ProtocolErrors INSTANCE = new ProtocolErrors();

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof ReadTimeoutException
                    || (cause instanceof DecoderException && cause.getCause() instanceof SSLException)) {
                ctx.close(); // silent clients and failed TLS handshakes need no stack trace in the log
            } else {
                ctx.fireExceptionCaught(cause);
            }
        }
    }
}
