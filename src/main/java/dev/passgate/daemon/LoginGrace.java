package dev.passgate.daemon;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSH's LoginGraceTime for the daemon port: an absolute deadline, from the accept, for logging
 * on; bytes arriving do not extend it (unlike the read timeout, which a trickle resets). At the
 * deadline an idle connection is closed; one whose request is being answered gets its reply first
 * and is closed after it, so that the route never writes to a closed channel. Lines already read
 * past the deadline are dropped. Sits after the line decoder: it counts request lines in and
 * replies out, all on the channel's event loop.
 */
final class LoginGrace extends ChannelDuplexHandler {

    private final Duration grace;
    private ScheduledFuture<?> deadline;
    private int inFlight;
    private boolean expired;

    LoginGrace(Duration grace) {
        this.grace = grace;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> expire(ctx), grace.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        expired = true;
        if (inFlight == 0) {
            ctx.close();
        } else {
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (expired) {
            ReferenceCountUtil.release(msg);
            return;
        }
        inFlight++;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (inFlight > 0) {
            inFlight--;
        }
        if (expired && inFlight == 0) {
            ctx.write(msg, promise.unvoid()).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.write(msg, promise);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
