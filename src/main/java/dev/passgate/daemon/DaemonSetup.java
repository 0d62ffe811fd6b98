package dev.passgate.daemon;

import dev.passgate.PassGateSettings;
import dev.passgate.miner.FilesMiner;
import dev.passgate.miner.TicketsMiner;
import dev.passgate.pool.ThreadPoolSelector;
import dev.passgate.protocol.JsonLines;
import dev.passgate.security.PassTicketEnvironments;
import dev.passgate.security.SecurityRegistry;
import dev.passgate.server.PendingHandoffs;
import dev.passgate.server.PortAllocator;
import dev.passgate.server.PortRange;
import dev.passgate.server.TlsSettings;
import java.util.Optional;
import java.util.function.Supplier;
import dev.passgate.session.ClientIdRegistry;
import dev.passgate.session.ConnectHandshake;
import dev.passgate.session.ConnectReplyProcessor;
import dev.passgate.session.DispatchMinerProcessor;
import dev.passgate.session.EndSessionProcessor;
import dev.passgate.session.IdleTimeouts;
import dev.passgate.session.SessionStore;
import dev.passgate.store.Jdbc;
import org.apache.camel.component.quartz.QuartzComponent;
import dev.passgate.session.LogoutRequestProcessor;
import dev.passgate.session.MinerReplyProcessor;
import dev.passgate.session.ParseConnectProcessor;
import dev.passgate.session.ParseSessionRequestProcessor;
import dev.passgate.session.PendingSession;
import dev.passgate.session.ScheduleIdleTimeoutProcessor;
import dev.passgate.session.SessionErrorProcessor;
import dev.passgate.session.SessionHandler;
import dev.passgate.session.SessionKeys;
import dev.passgate.session.SessionRegistry;
import dev.passgate.session.SingleLogonProcessor;
import dev.passgate.session.StartMinersProcessor;
import dev.passgate.session.TouchSessionProcessor;
import dev.passgate.session.ValidateClientIdProcessor;
import dev.passgate.session.WhoamiProcessor;
import dev.passgate.admin.AdminHttpApi;
import dev.passgate.admin.InstallationChecks;
import dev.passgate.admin.Operator;
import dev.passgate.admin.OperatorCommands;
import dev.passgate.admin.PassGateHealthChecks;
import dev.passgate.admin.PassGateMetrics;
import dev.passgate.admin.PartnerChecks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.passgate.exit.ExportRules;
import dev.passgate.partner.ConnectionRegistry;
import dev.passgate.partner.PartnerInfoService;
import dev.passgate.partner.PartnerSetup;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.exit.LoginExits;
import io.netty.channel.EventLoopGroup;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the daemon's and sessions' parts from the settings and binds every step under the
 * name the routes use ({@code routes/daemon.camel.yaml}, {@code routes/session.camel.yaml}).
 * An integrator replaces a step by binding another processor under its name.
 */
public final class DaemonSetup {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonSetup.class);
    private static final String TIMEOUT_ENDPOINT = "direct:session-timeout";
    /** Handshakes mostly wait on the database; a few threads per core keep the reconnects flowing. */
    private static final int HANDSHAKE_THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

    private DaemonSetup() {
    }

    /** What the operator interface and tests look at. */
    public record Parts(SessionRegistry sessions, ThreadPoolSelector pools, ClientIdRegistry<PendingSession> clientIds,
            LoginExits exits, ConnectionRegistry connections, PartnerInfoService partners) {
    }

    /** Logs out what a previous life of this node left behind: logout exits run, audited as ended by restart. */
    private static void recoverSessions(SessionStore store, LoginExits exits, SecurityRegistry security) {
        for (SessionStore.Row row : store.leftBehind()) {
            exits.sessionEnded(row.user(), row.address(), "restart");
            store.ended(row.id(), row.user(), row.address(), "restart", "session " + row.id() + " ended by restart");
        }
    }

    /**
     * The registry that publishes PassGate's meters: camel-main's Prometheus registry (served on the
     * management port) when there is one, else one PassGate makes and binds as passGateMeterRegistry.
     */
    private static MeterRegistry publishingRegistry(CamelContext context) {
        MeterRegistry found = context.getRegistry().findSingleByType(PrometheusMeterRegistry.class);
        if (found == null) {
            found = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            context.getRegistry().bind("passGateMeterRegistry", found);
        }
        return found;
    }

    private static char[] secret(PassGateSettings settings, String key) {
        return settings.find(key).orElse("").toCharArray();
    }

    public static Parts install(CamelContext context, PassGateSettings settings, SecurityRegistry security, Clock clock)
            throws Exception {
        String applid = settings.applid();
        int maxLine = settings.integer("passgate.protocol.max-line-bytes");
        Duration handoff = Duration.ofSeconds(settings.integer("passgate.server.handoff-timeout"));
        JsonLines lines = new JsonLines(maxLine);
        FailureRateLimiter limiter = new FailureRateLimiter(settings.integer("passgate.logon.max-failures-per-minute"), clock);
        ThreadPoolSelector pools = new ThreadPoolSelector(new ThreadPoolSelector.Limits(
                settings.integer("passgate.pools.max-clients"), settings.integer("passgate.pools.max-threads"),
                settings.integer("passgate.pools.max"), settings.integer("passgate.pools.min"),
                Duration.ofSeconds(settings.integer("passgate.pools.idle-stop"))), clock);
        PortAllocator allocator = new PortAllocator(settings.find("passgate.server.port-range").map(PortRange::parse),
                settings.flag("passgate.server.deny-client-port"));
        ClientIdRegistry<PendingSession> clientIds = new ClientIdRegistry<>(clock,
                settings.flag("passgate.server.bind-client-ip"));
        PendingHandoffs pendingHandoffs = new PendingHandoffs(settings.integer("passgate.server.max-pending-per-user"),
                settings.integer("passgate.server.max-pending-per-address"));
        SessionRegistry sessions = new SessionRegistry();
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()));
        ProducerTemplate template = context.createProducerTemplate();
        // Reconnect handshakes verify PassTickets and touch the database: never on a socket's event loop.
        ExecutorService handshakes = context.getExecutorServiceManager().newThreadPool(DaemonSetup.class,
                "PassGateHandshake", HANDSHAKE_THREADS, HANDSHAKE_THREADS);
        PassTicketSetupCheck setup = new PassTicketSetupCheck(security.passTicketDefinitions(), applid);
        IdleTimeouts idle = new IdleTimeouts(Duration.ofSeconds(settings.integer("passgate.session.idle-timeout")), clock,
                sessions, s -> s.executor().execute(() -> template.send(TIMEOUT_ENDPOINT,
                        e -> e.setProperty(SessionKeys.SESSION, s))),
                () -> context.getComponent("quartz", QuartzComponent.class).getScheduler());
        SessionStore sessionStore = new SessionStore(new Jdbc(security.dataSource()), security.audit(),
                settings.systemName());
        LoginExits exits = LoginExits.create(context, settings, security.audit(), HANDSHAKE_THREADS);
        List<String> miners = Arrays.stream(settings.string("passgate.miners").split(",")).map(String::trim)
                .filter(m -> !m.isEmpty()).toList();

        Optional<TlsSettings> tls = settings.flag("passgate.daemon.tls.enabled") ? Optional.of(TlsSettings.load(
                settings.path("passgate.daemon.tls.keystore"), secret(settings, "passgate.daemon.tls.keystore-password"),
                settings.find("passgate.daemon.tls.truststore").map(java.nio.file.Path::of),
                secret(settings, "passgate.daemon.tls.truststore-password"), settings.string("passgate.daemon.tls.client-auth")))
                : Optional.empty();

        Registry r = context.getRegistry();
        PartnerSetup cluster = PartnerSetup.join(security, settings, clock);
        cluster.bind(r);
        PartnerInfoService partners = cluster.service();
        ConnectionRegistry connections = cluster.connections();
        Supplier<SecurityEnvironment> serviceIdentity = cluster::serviceIdentity;
        boolean trustedLogon = settings.flag("passgate.daemon.trusted-logon");
        PassGateMetrics metrics = new PassGateMetrics();
        metrics.watch(security.audit());
        metrics.watch(sessions, pools, clientIds);
        r.bind("passGateMetrics", metrics);
        r.bind("daemonChannelInitializer", new DaemonChannelInitializer(settings.integer("passgate.daemon.read-timeout"),
                maxLine, lines, tls, partners, trustedLogon, ConnectionLimits.from(settings)));
        r.bind("daemonChannelGroup", new DaemonChannelGroup());
        r.bind("trustedLogon", new TrustedLogonProcessor(trustedLogon, partners, security.verifier(), security.audit(),
                serviceIdentity, Duration.ofSeconds(settings.integer("passgate.daemon.trusted-logon-timeout"))));
        // daemon-logon
        r.bind("parseLogon", new ParseLogonProcessor(lines));
        r.bind("logonRateLimit", new RateLimitProcessor(limiter));
        r.bind("exitNewSession", new LogonExitProcessor(exits, dev.passgate.exit.ExitEventType.NEW_SESSION));
        r.bind("exitLogin", new LogonExitProcessor(exits, dev.passgate.exit.ExitEventType.LOGIN));
        r.bind("authenticate", new AuthenticateProcessor(security.verifier(), limiter, applid));
        r.bind("authorizeApplid", new AuthorizeApplidProcessor(security.access(), applid));
        r.bind("selectThreadPool", new SelectThreadPoolProcessor(pools));
        PassTicketEnvironments environments = new PassTicketEnvironments(security.passTicketGenerator(),
                security.verifier(), applid);
        r.bind("createClientServer", new CreateClientServerProcessor(setup, environments));
        r.bind("bindPort", new BindPortProcessor(boss, workers, InetAddress.getByName(settings.string("passgate.daemon.host")),
                allocator, handoff, maxLine, new ConnectHandshake(template), clientIds, tls, handshakes,
                pendingHandoffs));
        r.bind("logonReply", new LogonReplyProcessor(lines, handoff, settings.find("passgate.server.advertised-host"),
                metrics::logon, security.audit()::sync));
        r.bind("logonError", new ClientErrorProcessor(lines, settings.integer("passgate.logon.max-attempts-per-connection"),
                metrics::logon, security.audit()::sync));
        // session-connect
        r.bind("parseConnect", new ParseConnectProcessor(lines));
        r.bind("validateClientId", new ValidateClientIdProcessor(clientIds));
        r.bind("startMiners", new StartMinersProcessor(miners, environments, security.access(), sessions, template, lines,
                clock, exits, sessionStore, connections));
        r.bind("singleLogon", new SingleLogonProcessor(settings.flag("passgate.session.single-logon"), sessions, template));
        r.bind("scheduleIdleTimeout", new ScheduleIdleTimeoutProcessor(idle));
        r.bind("connectReply", new ConnectReplyProcessor(lines, idle.timeoutSeconds()));
        r.bind("sessionError", new SessionErrorProcessor(lines));
        // session-request and session-logout
        r.bind("parseSessionRequest", new ParseSessionRequestProcessor(lines));
        r.bind("touchSession", new TouchSessionProcessor(clock));
        r.bind("whoami", new WhoamiProcessor(lines));
        r.bind("logoutRequest", new LogoutRequestProcessor(lines));
        r.bind("dispatchMiner", new DispatchMinerProcessor());
        r.bind("minerReply", new MinerReplyProcessor(lines));
        r.bind("endSession", new EndSessionProcessor(sessions, lines, exits, idle, sessionStore));
        // built-in miners
        r.bind("filesMiner", new FilesMiner(settings.path("passgate.files.root"), Long.parseLong(
                settings.string("passgate.files.max-bytes")), Long.parseLong(settings.string("passgate.files.quota-bytes")),
                security.access(), exits,
                ExportRules.load(settings.path("passgate.security.exports-file"))));
        r.bind("ticketsMiner", new TicketsMiner(security.passTicketGenerator(), security.access()));

        InstallationChecks ivp = new InstallationChecks(security.passTicketDefinitions(), security.passTicketGenerator(),
                security.passTicketEvaluator(), applid, settings.integer("passgate.daemon.port"));
        PartnerChecks partnerChecks = new PartnerChecks(partners.clusterView(), settings.string("passgate.cluster.name"),
                settings.string("passgate.tcpip.name"), partners.partnerInfoProfile(), security.access(), serviceIdentity,
                trustedLogon);
        OperatorCommands operator = new OperatorCommands(sessions, pools, security.commands(), template, lines, clock, ivp,
                connections, partnerChecks, security.audit());
        r.bind("passGateOperator", operator);
        AdminHttpApi[] adminApi = new AdminHttpApi[1];
        javax.management.ObjectName mbean = new javax.management.ObjectName("dev.passgate:type=Operator,context="
                + javax.management.ObjectName.quote(context.getName()));

        setup.problem().ifPresent(p -> LOG.warn("Logons will fail with PASSTICKET_SETUP until this is fixed: {}", p));
        context.addService(new ServiceSupport() {
            @Override
            protected void doStart() throws Exception {
                boss.scheduleAtFixedRate(pools::stopIdlePools, 1, 1, TimeUnit.MINUTES);
                adminApi[0] = new AdminHttpApi(operator, security.verifier(), security.access(),
                        settings.integer("passgate.admin.port"), settings.dataDir());
                var jmx = java.lang.management.ManagementFactory.getPlatformMBeanServer();
                if (!jmx.isRegistered(mbean)) {
                    jmx.registerMBean(new Operator(operator), mbean);
                }
            }

            @Override
            protected void doStop() throws Exception {
                if (adminApi[0] != null) {
                    adminApi[0].close();
                }
                var jmx = java.lang.management.ManagementFactory.getPlatformMBeanServer();
                if (jmx.isRegistered(mbean)) {
                    jmx.unregisterMBean(mbean);
                }
                sessions.all().forEach(s -> sessions.end(s, null));
                pendingHandoffs.close();
                boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
                workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
                pools.close();
                cluster.close();
            }
        }, true, true);
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event.getType() == CamelEvent.Type.CamelContextStarted) {
                    metrics.publishTo(publishingRegistry(context));
                    PassGateHealthChecks.register(context, PassGateHealthChecks.of(settings.string("passgate.daemon.host"),
                            settings.integer("passgate.daemon.port"), security.dataSource(), setup::problem));
                    exits.init();
                    recoverSessions(sessionStore, exits, security);
                } else if (event.getType() == CamelEvent.Type.CamelContextStopping) {
                    // Sessions are logged out (their logout exits run) while the routes still run; then termination.
                    sessions.all().forEach(s -> SessionHandler.logout(template, s, "shutdown"));
                    exits.termination();
                }
            }
        });
        return new Parts(sessions, pools, clientIds, exits, connections, partners);
    }
}
