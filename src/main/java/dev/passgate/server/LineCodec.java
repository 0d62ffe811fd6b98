package dev.passgate.server;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The JSON-lines transport of every PassGate port (the daemon, each handoff listener and the
 * session it hands over), so that all of them frame, decode and refuse lines alike: lines end at
 * {@code \n} and are read as UTF-8 text of at most {@code passgate.protocol.max-line-bytes} bytes
 * (the {@code \n} not counted); each text written out is one line, its {@code \n} added. A line
 * over the limit is answered {@code LINE_TOO_LONG} and the connection is closed after that reply;
 * nothing sent after it is read. A session answers it in its own order ({@link #writeRepliesOn}),
 * behind the replies its earlier lines are still waiting for.
 */
public final class LineCodec {

    static final String FRAMES = "passgate-line-frames";
    static final String TEXT = "passgate-line-text";
    static final String LINES_OUT = "passgate-lines-out";
    static final String TOO_LONG = "passgate-line-too-long";
    static final String HALF_CLOSED = "passgate-half-closed";

    private static final AttributeKey<Executor> REPLIES = AttributeKey.valueOf("passgate-line-replies");
    private static final LineEncoder LINE_ENCODER = new LineEncoder();
    private static final StringDecoder UTF8_DECODER = new StringDecoder(StandardCharsets.UTF_8);

    private final int maxLineBytes;
    private final String tooLongReply;

    /** @param maxLineBytes {@code passgate.protocol.max-line-bytes} */
    public LineCodec(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
        this.tooLongReply = new JsonLines(maxLineBytes).error(null, new ProtocolException(ErrorCode.LINE_TOO_LONG));
    }

    /** Adds the codec at the end of a connection's pipeline: after it, handlers read and write Strings. */
    public void addTo(ChannelPipeline pipeline) {
        // Fail fast: an endless line is refused as soon as it passes the limit, not buffered until its end.
        pipeline.addLast(FRAMES, new LineBasedFrameDecoder(maxLineBytes, true, true));
        pipeline.addLast(TEXT, UTF8_DECODER);
        pipeline.addLast(LINES_OUT, LINE_ENCODER);
        pipeline.addLast(TOO_LONG, new TooLong(tooLongReply));
    }

    /**
     * Lets a client send its line and half-close ({@code shutdown(SHUT_WR)}, {@code nc -q1}): the
     * connection stays open for the replies to the lines it sent, and closes once they are written
     * (at once when none is due). Without it the end of the client's input would close the
     * connection before the reply. Call after {@link #addTo}, on a port where each line gets one reply.
     */
    public static void answerHalfClosed(ChannelPipeline pipeline) {
        pipeline.channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        pipeline.addAfter(TOO_LONG, HALF_CLOSED, new HalfClosed());
    }

    /** The reply to a line over the limit. */
    public String tooLongReply() {
        return tooLongReply;
    }

    /**
     * From now on the connection's {@code LINE_TOO_LONG} reply is written on {@code ordered} (a
     * session's serial executor), so that it follows the replies already queued there.
     */
    public static void writeRepliesOn(Channel channel, Executor ordered) {
        channel.attr(REPLIES).set(ordered);
    }

    /** Runs a write on the connection's ordered executor, or at once when it has none (or it has stopped). */
    static void inOrder(Channel channel, Runnable write) {
        Executor ordered = channel.attr(REPLIES).get();
        if (ordered == null) {
            write.run();
            return;
        }
        try {
            ordered.execute(write);
        } catch (RejectedExecutionException stopped) {
            write.run(); // its pool is gone, so nothing is left to wait for
        }
    }

    /**
     * One text as the bytes of one line, for a connection refused before it gets a pipeline; a
     * text that already ends with its newline (a route's body may) gets no second one.
     */
    public static ByteBuf encode(ByteBufAllocator alloc, CharSequence text) {
        boolean ended = text.length() > 0 && text.charAt(text.length() - 1) == '\n';
        return ByteBufUtil.writeUtf8(alloc, ended ? text : text + "\n");
    }

    @ChannelHandler.Sharable
    static final class LineEncoder extends MessageToMessageEncoder<CharSequence> {
        @Override
        protected void encode(ChannelHandlerContext ctx, CharSequence text, List<Object> out) {
            out.add(LineCodec.encode(ctx.alloc(), text));
        }
    }

    /** Counts the lines still waiting for their reply; once the client's input has ended, closes after the last. */
    static final class HalfClosed extends ChannelDuplexHandler {
        private int due;
        private boolean inputEnded;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof CharSequence) {
                due++;
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ctx.write(msg, promise);
            if (inputEnded) {
                promise.addListener(f -> replied(ctx));
            } else {
                due = Math.max(0, due - 1);
            }
        }

        private void replied(ChannelHandlerContext ctx) {
            due = Math.max(0, due - 1);
            if (due == 0) {
                ctx.close();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof ChannelInputShutdownEvent) {
                inputEnded = true;
                if (due == 0) {
                    ctx.close();
                }
            }
            ctx.fireUserEventTriggered(evt);
        }
    }

    /** Answers the first oversized line and drops whatever the client sends after it. */
    static final class TooLong extends ChannelInboundHandlerAdapter {
        private final String reply;
        private boolean refused;

        TooLong(String reply) {
            this.reply = reply;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refused) {
                ReferenceCountUtil.release(msg);
            } else {
                ctx.fireChannelRead(msg);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!(cause instanceof TooLongFrameException)) {
                ctx.fireExceptionCaught(cause);
                return;
            }
            if (refused) {
                return;
            }
            refused = true;
            Channel channel = ctx.channel();
            channel.config().setAutoRead(false);
            inOrder(channel, () -> {
                if (channel.isActive()) {
                    ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
                }
            });
        }
    }
}
