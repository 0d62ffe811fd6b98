package dev.passgate.daemon;

import dev.passgate.exit.LoginExits;
import dev.passgate.flow.StepContractCheck;
import dev.passgate.partner.PartnerInfoService;
import dev.passgate.pool.PoolSettings;
import dev.passgate.pool.ThreadPoolSelector;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolSettings;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.security.SecurityRegistry;
import dev.passgate.server.PendingHandoffs;
import dev.passgate.server.PortAllocator;
import dev.passgate.server.ServerSettings;
import dev.passgate.server.TlsSettings;
import dev.passgate.session.ConnectHandshake;
import dev.passgate.session.SessionModule;
import dev.passgate.store.Jdbc;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logon daemon: rate limits, thread pools, the one-shot server ports and their event loops,
 * TLS, and every step of {@code passgate/routes/daemon.camel.yaml} under the name the route uses. An
 * integrator replaces a step by binding another processor under its name.
 *
 * <p>Logon outcomes go to whoever registers with {@link #onLogon} (the admin module's metrics),
 * so this package needs nothing above it. Collaborators come through the constructor, as the
 * session module's do.
 */
public final class DaemonModule extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonModule.class);
    /** Handshakes mostly wait on the database; a few threads per core keep the reconnects flowing. */
    private static final int HANDSHAKE_THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

    private final DaemonSettings settings;
    private final ServerSettings server;
    private final String applid;
    private final int maxLineBytes;
    private final JsonLines lines;
    private final SecurityRegistry security;
    private final LoginExits exits;
    private final SessionModule session;
    private final PartnerInfoService partners;
    private final Supplier<SecurityEnvironment> serviceIdentity;
    private final ProducerTemplate template;
    private final Clock clock;
    private final FailureRateLimiter limiter;
    private final ClusterFailureLimit clusterLimit;
    private final PoolSnapshots poolSnapshots;
    private final ThreadPoolSelector pools;
    private final PendingHandoffs pendingHandoffs;
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private final ExecutorService handshakes;
    private final PassTicketSetupCheck setup;
    private final Optional<TlsSettings> tls;
    private final List<Consumer<String>> logonObservers = new CopyOnWriteArrayList<>();

    public DaemonModule(CamelContext context, String applid, DaemonSettings settings, ServerSettings server,
            PoolSettings poolSettings, ProtocolSettings protocol, SecurityRegistry security, Clock clock, ProducerTemplate template,
            LoginExits exits, SessionModule session, PartnerInfoService partners,
            Supplier<SecurityEnvironment> serviceIdentity) {
        this.settings = settings;
        this.server = server;
        this.applid = applid;
        this.maxLineBytes = protocol.maxLineBytes();
        this.lines = session.lines();
        this.security = security;
        this.exits = exits;
        this.session = session;
        this.partners = partners;
        this.serviceIdentity = serviceIdentity;
        this.template = template;
        this.clock = clock;
        this.limiter = new FailureRateLimiter(settings.maxFailuresPerMinute(), clock);
        Jdbc store = new Jdbc(security.dataSource());
        String node = session.clusterMessages().node();
        this.clusterLimit = new ClusterFailureLimit(store, session.clusterMessages(), node, settings.maxFailuresPerMinute(),
                limiter);
        this.pools = new ThreadPoolSelector(poolSettings.limits(), clock);
        this.poolSnapshots = new PoolSnapshots(store, node, pools);
        this.pendingHandoffs = new PendingHandoffs(server.maxPendingPerUser(), server.maxPendingPerAddress());
        // Reconnect handshakes verify PassTickets and touch the database: never on a socket's event loop.
        this.handshakes = context.getExecutorServiceManager().newThreadPool(DaemonModule.class, "PassGateHandshake",
                HANDSHAKE_THREADS, HANDSHAKE_THREADS);
        this.setup = new PassTicketSetupCheck(security.passTicketDefinitions(), applid);
        this.tls = settings.tls().load();
        StepContractCheck.of(context); // the route's steps are checked against their contracts at start
        setup.problem().ifPresent(p -> LOG.warn("Logons will fail with PASSTICKET_SETUP until this is fixed: {}", p));
    }

    @BindToRegistry("daemonChannelInitializer")
    public DaemonChannelInitializer daemonChannelInitializer() {
        return new DaemonChannelInitializer(settings.readTimeout(), maxLineBytes, lines, tls, partners,
                settings.trustedLogon(), settings.limits(), server.proxyProtocol());
    }

    @BindToRegistry("daemonChannelGroup")
    public DaemonChannelGroup daemonChannelGroup() {
        return new DaemonChannelGroup();
    }

    @BindToRegistry("trustedLogon")
    public TrustedLogonProcessor trustedLogon() {
        return new TrustedLogonProcessor(settings.trustedLogon(), partners, security.verifier(), security.audit(),
                serviceIdentity, settings.trustedLogonTimeout());
    }

    @BindToRegistry("parseLogon")
    public ParseLogonProcessor parseLogon() {
        return new ParseLogonProcessor(lines);
    }

    @BindToRegistry("logonRateLimit")
    public RateLimitProcessor logonRateLimit() {
        return new RateLimitProcessor(limiter);
    }

    @BindToRegistry("chooseLogonCheck")
    public ChooseLogonCheckProcessor chooseLogonCheck() {
        return new ChooseLogonCheckProcessor(exits);
    }

    @BindToRegistry("claimUser")
    public ClaimUserProcessor claimUser() {
        return new ClaimUserProcessor();
    }

    @BindToRegistry("acceptClaim")
    public AcceptClaimProcessor acceptClaim() {
        return new AcceptClaimProcessor();
    }

    @BindToRegistry("passwordCredentials")
    public PasswordCredentialsProcessor passwordCredentials() {
        return new PasswordCredentialsProcessor();
    }

    @BindToRegistry("passTicketCredentials")
    public PassTicketCredentialsProcessor passTicketCredentials() {
        return new PassTicketCredentialsProcessor(applid);
    }

    @BindToRegistry("certificateCredentials")
    public CertificateCredentialsProcessor certificateCredentials() {
        return new CertificateCredentialsProcessor();
    }

    @BindToRegistry("authenticate")
    public AuthenticateProcessor authenticate() {
        return new AuthenticateProcessor(security.verifier(), limiter);
    }

    @BindToRegistry("authorizeApplid")
    public AuthorizeApplidProcessor authorizeApplid() {
        return new AuthorizeApplidProcessor(security.access(), applid);
    }

    @BindToRegistry("selectThreadPool")
    public SelectThreadPoolProcessor selectThreadPool() {
        return new SelectThreadPoolProcessor(pools);
    }

    @BindToRegistry("createClientServer")
    public CreateClientServerProcessor createClientServer() {
        return new CreateClientServerProcessor(setup, session.environments());
    }

    @BindToRegistry("bindPort")
    public BindPortProcessor bindPort() throws Exception {
        return new BindPortProcessor(boss, workers, InetAddress.getByName(settings.host()),
                new PortAllocator(server.portRange(), server.denyClientPort()), server.handoffTimeout(),
                maxLineBytes, new ConnectHandshake(template, session.sessions()), session.clientIds(), tls, handshakes,
                pendingHandoffs, server.proxyProtocol());
    }

    @BindToRegistry("recordLogonSession")
    public RecordLogonSessionProcessor recordLogonSession() {
        return new RecordLogonSessionProcessor(session.sessionStore(), clock);
    }

    @BindToRegistry("logonReply")
    public LogonReplyProcessor logonReply() {
        return new LogonReplyProcessor(lines, server.handoffTimeout(), server.advertisedHost(), this::logon,
                security.audit()::sync);
    }

    @BindToRegistry("logonError")
    public ClientErrorProcessor logonError() {
        return new ClientErrorProcessor(lines, settings.maxAttemptsPerConnection(), this::logon, security.audit()::sync);
    }

    /** Tells the observer every logon's outcome (the metrics' logons_total). */
    public void onLogon(Consumer<String> observer) {
        logonObservers.add(observer);
    }

    public ThreadPoolSelector pools() {
        return pools;
    }

    /** The other live nodes' pools, as each last published them (this node publishes its own). */
    public PoolSnapshots poolSnapshots() {
        return poolSnapshots;
    }

    /** What makes logons fail with PASSTICKET_SETUP, if anything: for the health check. */
    public Optional<String> setupProblem() {
        return setup.problem();
    }

    private void logon(String outcome) {
        logonObservers.forEach(o -> o.accept(outcome));
    }

    @Override
    protected void doStart() {
        boss.scheduleAtFixedRate(pools::stopIdlePools, 1, 1, TimeUnit.MINUTES);
        poolSnapshots.start();
    }

    @Override
    protected void doStop() {
        clusterLimit.close();
        pendingHandoffs.close();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        poolSnapshots.close();
        pools.close();
    }
}
