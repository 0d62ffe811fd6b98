package dev.passgate.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.security.AccessChecker;
import dev.passgate.security.AccessLevel;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.security.Verifier;
import dev.passgate.security.VerifyRequest;
import dev.passgate.security.VerifyResult;
import dev.passgate.store.OwnerOnly;
import dev.passgate.security.racf.CommandResult;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's HTTP JSON API: {@code POST /commands {"command":"DISPLAY CLIENTS"}} →
 * {@code {"rc":0,"lines":[...]}}. Bound to the loopback address only. Callers prove who
 * they are either with the operator credential the daemon writes into its data folder
 * (owner-readable only; what {@code passgate admin} uses on the daemon's own machine) or
 * with a user and password (HTTP Basic), which then needs CONTROL on
 * {@code FACILITY PASSGATE.ADMIN.<command>}.
 *
 * <p>A slow or stalled client must not keep the operator out. Requests are read without a
 * thread (Netty), and the whole request, headers and body, must arrive within a deadline
 * that a trickle of bytes does not extend (408); bodies are capped (413); only the
 * commands run on threads, a fixed few with a bounded queue, beyond which callers get 503
 * at once. Failed Basic logons are limited per address (429); the operator credential is
 * not, since it cannot be guessed, so a local user cannot lock the operator out with wrong
 * passwords.
 */
public final class AdminHttpApi implements AutoCloseable {

    public static final String CREDENTIAL_FILE = "operator.credential";
    private static final Logger LOG = LoggerFactory.getLogger(AdminHttpApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the API protects itself. */
    record Limits(Duration requestDeadline, int maxBodyBytes, int commandThreads, int commandQueue,
            int maxConnections, int maxBasicFailures, Duration basicFailureWindow) {
    }

    /** The daemon's limits: 5 s per request, 64 KiB bodies, 2 command threads and 8 waiting, 5 failed Basic logons a minute. */
    static final Limits DEFAULTS = new Limits(Duration.ofSeconds(5), 64 * 1024, 2, 8, 64, 5, Duration.ofMinutes(1));

    /** Runs one operator command on behalf of an actor. */
    interface Commands {
        CommandResult execute(String command, String actor);
    }

    /** A reply: status, JSON body, and extra headers. */
    private record Reply(HttpResponseStatus status, Map<String, ?> body, Map<String, String> headers) {
        Reply(HttpResponseStatus status, Map<String, ?> body) {
            this(status, body, Map.of());
        }
    }

    /** Who called, or why not. */
    private record Caller(String actor, Reply refusal) {
    }

    private final Commands commands;
    private final Verifier verifier;
    private final AccessChecker access;
    private final Limits limits;
    private final BasicAuthLimiter basicAuth;
    private final ThreadPoolExecutor commandPool;
    private final EventLoopGroup io;
    private final Channel listener;
    private final AtomicInteger connections = new AtomicInteger();
    private final String token;
    private final Path credentialFile;

    public AdminHttpApi(OperatorCommands commands, Verifier verifier, AccessChecker access, int port, Path dataDir)
            throws IOException {
        this(commands::execute, verifier, access, port, dataDir, DEFAULTS, Clock.systemUTC());
    }

    AdminHttpApi(Commands commands, Verifier verifier, AccessChecker access, int port, Path dataDir, Limits limits,
            Clock clock) throws IOException {
        this.commands = commands;
        this.verifier = verifier;
        this.access = access;
        this.limits = limits;
        this.basicAuth = new BasicAuthLimiter(limits.maxBasicFailures(), limits.basicFailureWindow(), clock);
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        this.commandPool = new ThreadPoolExecutor(limits.commandThreads(), limits.commandThreads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.commandQueue()), daemonThreads("passgate-admin-http"));
        this.io = new NioEventLoopGroup(1, daemonThreads("passgate-admin-http-io"));
        ServerBootstrap bootstrap = new ServerBootstrap().group(io).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 16)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        RequestHandler handler = new RequestHandler();
                        ch.pipeline().addLast(new HttpServerCodec(4096, 8192, 8192),
                                new BodyLimit(limits.maxBodyBytes(), handler), handler);
                    }
                });
        try {
            this.listener = bootstrap.bind(InetAddress.getLoopbackAddress(), port).sync().channel();
        } catch (Exception e) { // Netty hands on the bind failure unchecked
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            stopThreads();
            throw new IOException("the admin API cannot listen on port " + port + ": " + e.getMessage(), e);
        }
        this.credentialFile = dataDir.resolve(CREDENTIAL_FILE);
        writeCredential();
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Commands waiting for a thread (for tests that fill the queue). */
    int waitingCommands() {
        return commandPool.getQueue().size();
    }

    private void writeCredential() throws IOException {
        Files.deleteIfExists(credentialFile);
        OwnerOnly.writeNew(credentialFile, JSON.writeValueAsString(Map.of("port", port(), "token", token)));
    }

    /** How long a refused client may go on sending before its connection is closed under it. */
    private static final long LINGER_MILLIS = 2000;

    /** Refuses an over-long body with 413 before it is buffered, whether announced by Content-Length or not. */
    private static final class BodyLimit extends HttpObjectAggregator {
        private final RequestHandler handler;

        BodyLimit(int maxBytes, RequestHandler handler) {
            super(maxBytes);
            this.handler = handler;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            handler.answer(ctx, new Reply(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    Map.of("error", "the request body is too large")));
        }
    }

    /** One connection: one request, one reply, then the connection closes. */
    private final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final AtomicBoolean answered = new AtomicBoolean();
        private ScheduledFuture<?> deadline;

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            if (connections.incrementAndGet() > limits.maxConnections()) {
                answer(ctx, busy());
            } else {
                deadline = ctx.executor().schedule(() -> answer(ctx, new Reply(HttpResponseStatus.REQUEST_TIMEOUT,
                        Map.of("error", "the request did not arrive within " + limits.requestDeadline().toSeconds() + " s"))),
                        limits.requestDeadline().toMillis(), TimeUnit.MILLISECONDS);
            }
            super.channelActive(ctx);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            connections.decrementAndGet();
            stopDeadline();
            super.channelInactive(ctx);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            stopDeadline();
            if (answered.get()) {
                return;
            }
            InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
            if (!request.decoderResult().isSuccess()) {
                answer(ctx, new Reply(HttpResponseStatus.BAD_REQUEST, Map.of("error", "the request is not valid HTTP")));
                return;
            }
            if (!remote.getAddress().isLoopbackAddress()) {
                answer(ctx, new Reply(HttpResponseStatus.FORBIDDEN, Map.of("error", "the admin API serves this machine only")));
                return;
            }
            if (!new QueryStringDecoder(request.uri()).path().equals("/commands")) {
                answer(ctx, new Reply(HttpResponseStatus.NOT_FOUND, Map.of("error", "POST to /commands")));
                return;
            }
            if (!HttpMethod.POST.equals(request.method())) {
                answer(ctx, new Reply(HttpResponseStatus.METHOD_NOT_ALLOWED,
                        Map.of("error", "POST a JSON object {\"command\": \"...\"}")));
                return;
            }
            String command = commandOf(ByteBufUtil.getBytes(request.content()));
            if (command == null) {
                answer(ctx, new Reply(HttpResponseStatus.BAD_REQUEST, Map.of("error", "field command is missing")));
                return;
            }
            String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
            String address = remote.getAddress().getHostAddress();
            try {
                commandPool.execute(() -> answer(ctx, run(command, authorization, address)));
            } catch (RejectedExecutionException e) {
                answer(ctx, busy());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("Admin API connection failed: {}", cause.toString());
            ctx.close();
        }

        private void stopDeadline() {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }

        /** The one reply of this connection; any later one (a deadline passing as the reply goes out) is dropped. */
        void answer(ChannelHandlerContext ctx, Reply reply) {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            byte[] bytes;
            try {
                bytes = JSON.writeValueAsBytes(reply.body());
            } catch (JsonProcessingException e) {
                bytes = "{}".getBytes(StandardCharsets.UTF_8);
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, reply.status(),
                    Unpooled.wrappedBuffer(bytes));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            reply.headers().forEach(response.headers()::set);
            // Half-close, then close once the client has read and gone (or after a linger): closing at once
            // would reset a client still sending a body we refused (413, 408), and it would never see why.
            ctx.writeAndFlush(response).addListener(f -> {
                if (ctx.channel() instanceof SocketChannel socket && socket.isActive()) {
                    socket.shutdownOutput();
                    ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
                } else {
                    ctx.close();
                }
            });
        }
    }

    private static Reply busy() {
        return new Reply(HttpResponseStatus.SERVICE_UNAVAILABLE, Map.of("error", "the admin API is busy; try again shortly"),
                Map.of("Retry-After", "1"));
    }

    private static String commandOf(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            String command = json == null || !json.path("command").isTextual() ? null : json.get("command").asText();
            return command == null || command.isBlank() ? null : command;
        } catch (IOException e) {
            return null;
        }
    }

    /** On a command thread: authentication (password hashing is slow) and the command itself. */
    private Reply run(String command, String authorization, String address) {
        try {
            Caller caller = authenticate(authorization, command, address);
            if (caller.refusal() != null) {
                return caller.refusal();
            }
            CommandResult r = commands.execute(command, caller.actor());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("rc", r.returnCode());
            body.put("lines", r.lines());
            return new Reply(HttpResponseStatus.OK, body);
        } catch (RuntimeException e) {
            LOG.warn("Admin API command failed: {}", e.toString());
            return new Reply(HttpResponseStatus.INTERNAL_SERVER_ERROR, Map.of("error", "the command failed unexpectedly"));
        }
    }

    private static final Reply NOT_AUTHENTICATED = new Reply(HttpResponseStatus.UNAUTHORIZED,
            Map.of("error", "not authenticated or not authorized"));

    private Caller authenticate(String header, String command, String address) {
        if (header == null) {
            return new Caller(null, NOT_AUTHENTICATED);
        }
        if (header.startsWith("Bearer ")) {
            boolean same = MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
            return same ? new Caller("OPERATOR (local credential)", null) : new Caller(null, NOT_AUTHENTICATED);
        }
        if (!header.startsWith("Basic ")) {
            return new Caller(null, NOT_AUTHENTICATED);
        }
        Optional<BasicAuthLimiter.Attempt> attempt = basicAuth.begin(address);
        if (attempt.isEmpty()) {
            return new Caller(null, new Reply(HttpResponseStatus.TOO_MANY_REQUESTS,
                    Map.of("error", "too many failed logons from this address; try again later"),
                    Map.of("Retry-After", Long.toString(basicAuth.retryAfterSeconds(address)))));
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Caller(null, NOT_AUTHENTICATED);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return new Caller(null, NOT_AUTHENTICATED);
        }
        VerifyResult v = verifier.verify(VerifyRequest.password(decoded.substring(0, colon),
                decoded.substring(colon + 1).toCharArray()).from("admin-api"));
        if (!v.success()) {
            return new Caller(null, NOT_AUTHENTICATED);
        }
        attempt.get().succeeded();
        SecurityEnvironment env = v.environment();
        // The verb's full name, so an abbreviation (C for CANCEL) is checked against the same profile.
        String verb = OperatorCommands.verbOf(command);
        boolean allowed = access.check(env, "FACILITY", "PASSGATE.ADMIN." + verb, AccessLevel.CONTROL).allowed();
        return allowed ? new Caller(env.user(), null) : new Caller(null, NOT_AUTHENTICATED);
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private void stopThreads() {
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        commandPool.shutdownNow();
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        stopThreads();
        try {
            // Only our own: a file another daemon wrote since belongs to that daemon's operator.
            if (Files.exists(credentialFile) && Files.readString(credentialFile).contains(token)) {
                Files.delete(credentialFile);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", credentialFile, e.toString());
        }
    }
}
