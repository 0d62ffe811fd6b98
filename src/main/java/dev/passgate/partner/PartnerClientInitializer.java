package dev.passgate.partner;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.apache.camel.component.netty.ClientInitializerFactory;
import org.apache.camel.component.netty.DefaultClientInitializerFactory;
import org.apache.camel.component.netty.NettyProducer;

/**
 * Makes the connections a route's netty producer opens PassGate's own: registered (as the
 * node's, kind "outbound") as soon as they connect, so that the service at the other end can
 * ask who is calling. Bound as {@code partnerClientInitializer}; use it as
 * {@code netty:tcp://host:port?clientInitializerFactory=#partnerClientInitializer}.
 */
public final class PartnerClientInitializer extends ClientInitializerFactory {

    private final PartnerInfoService partners;
    private final DefaultClientInitializerFactory camelPipeline;

    public PartnerClientInitializer(PartnerInfoService partners) {
        this(partners, null);
    }

    private PartnerClientInitializer(PartnerInfoService partners, DefaultClientInitializerFactory camelPipeline) {
        this.partners = partners;
        this.camelPipeline = camelPipeline;
    }

    /** camel-netty asks the bound bean for one initializer per producer: camel-netty's own, plus ours. */
    @Override
    public ClientInitializerFactory createPipelineFactory(NettyProducer producer) {
        return new PartnerClientInitializer(partners, new DefaultClientInitializerFactory(producer));
    }

    @Override
    protected void initChannel(Channel ch) throws Exception {
        if (camelPipeline == null) {
            throw new IllegalStateException("use createPipelineFactory: this bean only makes initializers");
        }
        ch.pipeline().addLast(camelPipeline);
        ch.pipeline().addFirst("passgate-partner", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) throws Exception {
                partners.accepted(ctx.channel(), "outbound", null, false);
                super.channelActive(ctx);
            }
        });
    }
}
