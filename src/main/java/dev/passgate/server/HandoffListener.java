package dev.passgate.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one-shot listener of the port handoff (FTP's passive mode, for logons): bound on
 * the port the {@link PortAllocator} chose, it waits for the client that logged on.
 * Connections speak JSON lines through the {@link LineCodec}, and their peer is noted as a
 * {@link ClientAddress}. Every connection's first line goes to the {@link Handshake}; a refused connection gets
 * its error reply and is closed while the listener keeps waiting; the accepted one is
 * handed over and the listener closes at once, freeing the port. When the handoff time
 * runs out the listener and any half-open connections are closed.
 *
 * <p>Nothing leaks on any path: the listener, the refused connections and the timer are
 * all closed by {@link #close()}, by the accept, by a refusal that ends the handoff, by the
 * timeout, or by the listening socket closing under it (the event loops stopping),
 * whichever comes first; exactly one of them decides how {@link #connected()} completes.
 */
public final class HandoffListener implements AutoCloseable {

    private static final String HANDSHAKE = "handshake";
    private static final ChannelFactory<ServerChannel> ONE_SHOT = OneShotServerChannel::new;

    private final ChannelGroup waiting = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    /** Who won: the accepted client, or why nobody did. Decided first, told once the port is free. */
    private final CompletableFuture<Channel> decided = new CompletableFuture<>();
    private final CompletableFuture<Channel> connected = new CompletableFuture<>();
    // Set once, right after the bind; a line that arrives before is answered by a handshake
    // that knows no client ID for this listener yet.
    private volatile Channel server;
    private volatile int port;
    private volatile ScheduledFuture<?> timer;
    private final PortAllocator allocator;
    private final AtomicBoolean released = new AtomicBoolean();

    private HandoffListener(PortAllocator allocator) {
        this.allocator = allocator;
    }

    /**
     * Binds a listener by the allocator's rules and starts the handoff clock.
     *
     * @throws dev.passgate.protocol.ProtocolException PORT_UNAVAILABLE when no port can be bound
     */
    public static HandoffListener open(EventLoopGroup boss, EventLoopGroup workers, InetAddress bindAddress,
            PortAllocator allocator, int requestedPort, Duration timeout, int maxLineBytes, Handshake handshake) {
        return open(boss, workers, bindAddress, allocator, requestedPort, timeout, maxLineBytes, handshake,
                Optional.empty(), Runnable::run, Optional.empty());
    }

    /**
     * As above, with TLS on the server port when given (same settings as the daemon port),
     * and the handshake run on {@code handshakes} rather than on the socket's event loop,
     * since it may verify PassTickets and touch the database.
     */
    public static HandoffListener open(EventLoopGroup boss, EventLoopGroup workers, InetAddress bindAddress,
            PortAllocator allocator, int requestedPort, Duration timeout, int maxLineBytes, Handshake handshake,
            Optional<TlsSettings> tls, Executor handshakes, Optional<ProxyProtocol> proxy) {
        HandoffListener listener = new HandoffListener(allocator);
        LineCodec codec = new LineCodec(maxLineBytes);
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, workers)
                .channelFactory(ONE_SHOT)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        listener.waiting.add(ch);
                        ClientAddress.accepted(ch);
                        if (proxy.isPresent() && !proxy.get().addTo(ch)) {
                            return;
                        }
                        tls.ifPresent(t -> ch.pipeline().addLast("tls", t.newHandler(ch.alloc())));
                        codec.addTo(ch.pipeline());
                        ch.pipeline().addLast(HANDSHAKE, listener.new FirstLine(handshake, handshakes));
                    }
                });
        listener.server = allocator.bind(requestedPort, port -> {
            ChannelFuture bound = bootstrap.bind(new InetSocketAddress(bindAddress, port)).awaitUninterruptibly();
            if (!bound.isSuccess()) {
                throw bound.cause() instanceof IOException io ? io : new BindException("cannot bind port " + port);
            }
            return bound.channel();
        });
        listener.port = ((InetSocketAddress) listener.server.localAddress()).getPort();
        listener.timer = listener.server.eventLoop().schedule(
                () -> listener.finish(new TimeoutException("no client connected within " + timeout.toSeconds() + " s")),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        // A listening socket closed by anything else (its event loop shutting down) ends the handoff too.
        listener.server.closeFuture().addListener(f -> listener.finish(new IllegalStateException("listener closed")));
        return listener;
    }

    /** The port the client must connect to. */
    public int port() {
        return port;
    }

    /**
     * Completes, after the port is free again, with the accepted client's channel, or
     * exceptionally: TimeoutException when nobody came, IllegalStateException when the
     * handoff was abandoned or ended by a refusal.
     */
    public CompletableFuture<Channel> connected() {
        return connected;
    }

    public boolean isOpen() {
        return server.isOpen();
    }

    /** Abandons the handoff (the logon failed after the bind): closes everything. */
    @Override
    public void close() {
        finish(new IllegalStateException("handoff abandoned"));
    }

    private void finish(Throwable failure) {
        if (!decided.completeExceptionally(failure)) {
            return;
        }
        stopListening();
        waiting.close();
        connected.completeExceptionally(failure);
    }

    private void stopListening() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
        closeServer();
    }

    /** Closes the listening socket; outside the event loop, waits so the port is free on return. */
    private void closeServer() {
        var closing = server.close();
        if (server.eventLoop().inEventLoop()) {
            closing.addListener(f -> releasePort());
        } else {
            closing.awaitUninterruptibly();
            releasePort();
        }
    }

    /** Once: a second release could come after another listener took the port, and let a third logon try it. */
    private void releasePort() {
        if (released.compareAndSet(false, true)) {
            allocator.release(port);
        }
    }

    /** Reads exactly one line per connection and asks the handshake about it. */
    private final class FirstLine extends SimpleChannelInboundHandler<String> {
        private final Handshake handshake;
        private final Executor executor;

        FirstLine(Handshake handshake, Executor executor) {
            this.handshake = handshake;
            this.executor = executor;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String line) {
            if (decided.isDone()) {
                ctx.close();
                return;
            }
            Channel client = ctx.channel();
            client.config().setAutoRead(false); // one line at a time until the handshake has answered
            executor.execute(() -> {
                Handshake.Result result;
                try {
                    result = handshake.check(line, client);
                } catch (RuntimeException e) {
                    client.close();
                    return;
                }
                client.eventLoop().execute(() -> apply(ctx, client, result));
            });
        }

        private void apply(ChannelHandlerContext ctx, Channel client, Handshake.Result result) {
            // Each reply goes out only after the handoff has settled, so a client that has read it
            // finds the port, its pool place and its pending-logon place already given back.
            if (!result.accepted()) {
                waiting.remove(client); // closed by its own reply's listener, not before the reply is out
                if (result.ends()) {
                    finish(new IllegalStateException("the handoff ended with a refused client"));
                }
                client.writeAndFlush(result.reply()).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (!decided.complete(client)) {
                client.close(); // the timeout or an abandon won the race
                return;
            }
            waiting.remove(client);
            ctx.pipeline().remove(HANDSHAKE);
            stopListening();
            waiting.close(); // others still in their handshake have lost
            connected.complete(client);
            client.writeAndFlush(result.reply());
            result.afterReply().run();
            client.config().setAutoRead(true);
        }

        /** A first line over the limit was answered by the codec; anything else here just ends the connection. */
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
