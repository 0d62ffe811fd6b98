package dev.passgate.daemon;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ServerChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel group camel-netty keeps the daemon's channels in (endpoint option {@code channelGroup}),
 * used for the one thing camel-netty offers no other hook for: the listening channel's own pipeline.
 * camel-netty's server bootstrap sets no server-channel handler, and it adds the bound listening
 * channel to this group; here that channel gets {@link AcceptFailures}. When accept() fails (EMFILE,
 * "Too many open files"), Netty pauses accepting for a second and passes the exception down the
 * listening channel's pipeline, whose end logs it with its stack trace: every second while it lasts.
 * A logback level for io.netty.channel.DefaultChannelPipeline would also silence unrelated warnings
 * and is lost when an operator replaces the logging configuration; this handler is not.
 */
public final class DaemonChannelGroup extends DefaultChannelGroup {

    static final String ACCEPT_FAILURES = "passgate-accept-failures";

    private final AcceptFailures acceptFailures = new AcceptFailures(LogThrottle.oncePerMinute());

    public DaemonChannelGroup() {
        super("passgate-daemon", ImmediateEventExecutor.INSTANCE);
    }

    @Override
    public boolean add(Channel channel) {
        if (channel instanceof ServerChannel && channel.pipeline().get(ACCEPT_FAILURES) == null) {
            channel.pipeline().addLast(ACCEPT_FAILURES, acceptFailures);
        }
        return super.add(channel);
    }

    /** Says once a minute, without a stack trace, that accepting fails; Netty itself retries after a second. */
    @ChannelHandler.Sharable
    static final class AcceptFailures extends ChannelInboundHandlerAdapter {
        private static final Logger LOG = LoggerFactory.getLogger(AcceptFailures.class);
        private final LogThrottle throttle;

        AcceptFailures(LogThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!(cause instanceof IOException)) {
                ctx.fireExceptionCaught(cause);
                return;
            }
            if (throttle.due()) {
                LOG.warn("The daemon port cannot accept connections ({}); it tries again every second. Said at most"
                        + " once a minute.", cause.toString());
            }
        }
    }
}
