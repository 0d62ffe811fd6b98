package dev.passgate.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.ProtocolDetectionResult;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * The PROXY protocol (v1 and v2, as HAProxy and most load balancers send it) on the daemon and
 * handoff ports: the first bytes of a connection say where the client really connects from, and
 * that address, not the load balancer's, is the connection's {@link ClientAddress} for the
 * failed-logon limit, the client ID's address binding and the audit. Only the listed proxies may
 * send the header: from anyone else it would let a client choose the address PassGate sees, so
 * their connections are closed at once. A connection without a valid header is closed too.
 * The per-address cap on connections waiting to log on counts the proxy's address.
 */
public record ProxyProtocol(Set<InetAddress> trusted) {

    private static final String DECODER = "passgate-proxy-header";
    private static final String SOURCE = "passgate-proxy-source";

    /** @param trusted the proxies' addresses, as written in passgate.server.proxy-protocol.trusted */
    public static ProxyProtocol of(List<String> trusted) {
        if (trusted.isEmpty()) {
            throw new IllegalStateException(ServerSettings.PROXY_PROTOCOL + "=true needs "
                    + ServerSettings.PROXY_PROTOCOL_TRUSTED + " (the load balancers' addresses): a PROXY header from"
                    + " anyone else would let a client choose the address PassGate sees");
        }
        Set<InetAddress> addresses = new java.util.LinkedHashSet<>();
        for (String t : trusted) {
            try {
                addresses.add(InetAddress.getByName(t.trim()));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(ServerSettings.PROXY_PROTOCOL_TRUSTED + ": " + t.trim()
                        + " is not an address");
            }
        }
        return new ProxyProtocol(Set.copyOf(addresses));
    }

    /**
     * Puts the header's reader first in a new connection's pipeline (before TLS: the header is
     * plain text); false, and the connection closed, when its peer is not a listed proxy.
     */
    public boolean addTo(Channel channel) {
        if (!ClientAddress.of(channel).map(a -> trusted.contains(a.address())).orElse(false)) {
            channel.close();
            return false;
        }
        ChannelPipeline p = channel.pipeline();
        p.addFirst(SOURCE, new SourceAddress());
        p.addFirst(DECODER, new HeaderGate());
        return true;
    }

    /**
     * Lets the header's decoder have the connection once its first bytes are a PROXY header; closes
     * it as soon as they cannot be one (the decoder alone would wait for a v1 line end).
     */
    private static final class HeaderGate extends ByteToMessageDecoder {

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            ProtocolDetectionResult<HAProxyProtocolVersion> r = HAProxyMessageDecoder.detectProtocol(in);
            switch (r.state()) {
                case NEEDS_MORE_DATA -> { }
                case INVALID -> {
                    in.skipBytes(in.readableBytes());
                    ctx.close();
                }
                case DETECTED -> ctx.pipeline().replace(this, DECODER, new HAProxyMessageDecoder());
            }
        }
    }

    /** Takes the header's source as the client's address, then leaves the pipeline. */
    private static final class SourceAddress extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (!(msg instanceof HAProxyMessage header)) {
                ctx.fireChannelRead(msg);
                return;
            }
            try {
                // LOCAL (the proxy's own health check) and UNKNOWN keep the proxy's address.
                if (header.command() == HAProxyCommand.PROXY && (header.proxiedProtocol() == HAProxyProxiedProtocol.TCP4
                        || header.proxiedProtocol() == HAProxyProxiedProtocol.TCP6)) {
                    ClientAddress.proxied(ctx.channel(), InetAddress.getByName(header.sourceAddress()), header.sourcePort());
                }
            } finally {
                header.release();
                ctx.pipeline().remove(this);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof DecoderException) {
                ctx.close(); // no PROXY header, or a broken one: nothing to answer in any protocol
            } else {
                ctx.fireExceptionCaught(cause);
            }
        }
    }
}
