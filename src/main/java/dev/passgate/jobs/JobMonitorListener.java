package dev.passgate.jobs;

import dev.passgate.partner.PartnerInfoService;
import dev.passgate.protocol.JsonLines;
import dev.passgate.server.TlsSettings;
import dev.passgate.server.LineCodec;
import dev.passgate.session.SessionEndReason;
import dev.passgate.session.SessionHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job monitor's port ({@code passgate.jobs.port}): JSON lines, TLS when the daemon's TLS
 * settings are enabled for it. A connection's first lines go to the logon (on a worker pool,
 * never on the socket's event loop); once one succeeds the connection carries the session,
 * through the same request route as a daemon session's. Before that the connection is closed
 * after the daemon's login grace time, or after the daemon's number of failed attempts.
 */
final class JobMonitorListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobMonitorListener.class);

    private final JobMonitorLogon logon;
    private final JsonLines lines;
    private final ProducerTemplate template;
    private final Runnable durable;
    private final Optional<TlsSettings> tls;
    private final int maxLineBytes;
    private final Duration grace;
    private final int maxAttempts;
    private final ExecutorService logons;
    private final PartnerInfoService partners;
    private final boolean lookUpPartners;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel server;

    JobMonitorListener(JobMonitorLogon logon, JsonLines lines, ProducerTemplate template, Runnable durable,
            Optional<TlsSettings> tls, int maxLineBytes, Duration grace, int maxAttempts, ExecutorService logons,
            PartnerInfoService partners, boolean lookUpPartners) {
        this.logon = logon;
        this.lines = lines;
        this.template = template;
        this.durable = durable;
        this.tls = tls;
        this.maxLineBytes = maxLineBytes;
        this.grace = grace;
        this.maxAttempts = maxAttempts;
        this.logons = logons;
        this.partners = partners;
        this.lookUpPartners = lookUpPartners;
    }

    /** Binds the port; the port actually bound (the setting may be a fixed port only; 0 means off). */
    int open(String host, int port) throws InterruptedException {
        boss = new NioEventLoopGroup(1);
        workers = new NioEventLoopGroup(2);
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        partners.accepted(ch, "jobs", null, lookUpPartners);
                        tls.ifPresent(t -> ch.pipeline().addLast("tls", t.newHandler(ch.alloc())));
                        new LineCodec(maxLineBytes).addTo(ch.pipeline());
                        LineCodec.answerHalfClosed(ch.pipeline());
                        ch.pipeline().addLast("logon", new LogonLine());
                    }
                });
        server = b.bind(new InetSocketAddress(host, port)).sync().channel();
        int bound = ((InetSocketAddress) server.localAddress()).getPort();
        LOG.info("Job monitor listening on {}:{} for APPLID {}", host, bound, logon.applid());
        return bound;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().awaitUninterruptibly();
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }

    /** Lines before the session: one at a time, each answered before the next is read. */
    private final class LogonLine extends SimpleChannelInboundHandler<String> {
        private int attempts;
        private volatile boolean loggedOn;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (!grace.isZero()) {
                ctx.executor().schedule(() -> {
                    if (!loggedOn) {
                        ctx.close();
                    }
                }, grace.toMillis(), TimeUnit.MILLISECONDS);
            }
            ctx.fireChannelActive();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String line) {
            Channel ch = ctx.channel();
            ch.config().setAutoRead(false);
            String address = ((InetSocketAddress) ch.remoteAddress()).getAddress().getHostAddress();
            logons.execute(() -> {
                JobMonitorLogon.Outcome o = logon.logon(line, ctx, address);
                ch.eventLoop().execute(() -> apply(ctx, o));
            });
        }

        private void apply(ChannelHandlerContext ctx, JobMonitorLogon.Outcome o) {
            Channel ch = ctx.channel();
            if (o.session() != null) {
                loggedOn = true;
                ctx.pipeline().replace(this, "session", new SessionHandler(o.session(), template, lines, durable));
                if (!ch.isActive()) {
                    // Gone during its logon: no handler saw it close, so its session ends here.
                    o.session().executor().execute(() -> SessionHandler.logout(template, o.session(), SessionEndReason.DISCONNECTED));
                    return;
                }
                ch.writeAndFlush(o.reply());
                logon.replySent(o.session()); // lines held back until the logon reply was out follow now
                ch.config().setAutoRead(true);
                return;
            }
            if (o.close() || ++attempts >= maxAttempts) {
                ch.writeAndFlush(o.reply()).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ch.writeAndFlush(o.reply());
            ch.config().setAutoRead(true);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a failed TLS handshake or a reset needs no stack trace (the codec answers a too-long line)
        }
    }
}
