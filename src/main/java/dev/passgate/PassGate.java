package dev.passgate;

import dev.passgate.admin.AdminModule;
import dev.passgate.admin.AdminSettings;
import dev.passgate.camel.PassTicketModule;
import dev.passgate.camel.SecurityModule;
import dev.passgate.daemon.DaemonModule;
import dev.passgate.daemon.DaemonSettings;
import dev.passgate.exit.ExitModule;
import dev.passgate.exit.ExitSettings;
import dev.passgate.exit.LoginExits;
import dev.passgate.flow.RouteReplacements;
import dev.passgate.flow.StepChanges;
import dev.passgate.jobs.JobsModule;
import dev.passgate.miner.FilesSettings;
import dev.passgate.miner.MinerModule;
import dev.passgate.partner.ConnectionRegistry;
import dev.passgate.partner.NodeAddress;
import dev.passgate.partner.PartnerInfoService;
import dev.passgate.partner.PartnerModule;
import dev.passgate.partner.PartnerSettings;
import dev.passgate.passticket.UnsafeApplids;
import dev.passgate.pool.PoolSettings;
import dev.passgate.pool.ThreadPoolSelector;
import dev.passgate.protocol.ProtocolSettings;
import dev.passgate.security.SecurityRegistry;
import dev.passgate.server.ServerSettings;
import dev.passgate.session.ClientIdRegistry;
import dev.passgate.session.PendingSession;
import dev.passgate.session.SessionModule;
import dev.passgate.session.SessionRegistry;
import dev.passgate.session.SessionSettings;
import dev.passgate.settings.PassGateSettings;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Service;
import org.apache.camel.spi.CamelBeanPostProcessor;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point that puts PassGate into a CamelContext: settings defaults, then its
 * feature modules in layer order (docs/architecture.md), then the {@code passticket:} component's
 * and the built-in routes. Each module binds the beans its routes call by name and adds its own
 * lifecycle; services stop in the reverse order, so the store closes last.
 *
 * <p>{@code passgate serve} calls it from camel-main; an ESB or any Camel application calls
 * it on its own context before starting it:
 *
 * <pre>
 * CamelContext context = new DefaultCamelContext();
 * context.getPropertiesComponent().addInitialProperty("passgate.data.dir", "/var/passgate");
 * PassGate.install(context);
 * context.start();
 * </pre>
 */
public final class PassGate {

    /** Built-in route files, loaded in this order. Integrator routes come from {@code passgate.routes.dir}, after them. */
    public static final List<String> BUILT_IN_ROUTES = List.of(
            "classpath:passgate/routes/passticket.camel.yaml", "classpath:passgate/routes/daemon.camel.yaml",
            "classpath:passgate/routes/session-errors.camel.yaml", "classpath:passgate/routes/session.camel.yaml", "classpath:passgate/routes/audit.camel.yaml",
            "classpath:passgate/routes/cluster.camel.yaml");

    /** Registry names of the beans PassGate binds; routes refer to them. */
    public static final String SETTINGS = "passGateSettings";
    public static final String DATA_SOURCE = SecurityModule.DATA_SOURCE;
    public static final String CLOCK = "passGateClock";
    public static final String SECURITY = SecurityModule.SECURITY;
    public static final String DAEMON = "passGateDaemon";
    public static final String GENERATOR = PassTicketModule.GENERATOR;
    public static final String EVALUATOR = PassTicketModule.EVALUATOR;
    public static final String REPLAY_STORE = PassTicketModule.REPLAY_STORE;
    public static final String REPLAY_PURGE = PassTicketModule.REPLAY_PURGE;
    public static final String AUDIT_PURGE = SecurityModule.AUDIT_PURGE;

    private static final Logger LOG = LoggerFactory.getLogger(PassGate.class);

    /** What the operator interface and tests look at. */
    public record Parts(SessionRegistry sessions, ThreadPoolSelector pools, ClientIdRegistry<PendingSession> clientIds,
            LoginExits exits, ConnectionRegistry connections, PartnerInfoService partners) {
    }

    private final PassGateSettings settings;
    private final SecurityModule store;
    private final Parts daemon;

    private PassGate(PassGateSettings settings, SecurityModule store, Parts daemon) {
        this.settings = settings;
        this.store = store;
        this.daemon = daemon;
    }

    /** The daemon's sessions, pools and pending handoffs. */
    public Parts daemon() {
        return daemon;
    }

    /**
     * Installs PassGate into a context that has not been started. Settings the context
     * cannot resolve take PassGate's built-in defaults.
     *
     * @throws IllegalStateException when the configuration is unusable (the message says why)
     */
    public static PassGate install(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        addDefaults(properties);
        PassGateSettings settings = new PassGateSettings(properties::resolveProperty);
        checkOwnApplid(settings);
        Clock clock = Clock.systemUTC();
        context.getRegistry().bind(SETTINGS, settings);
        context.getRegistry().bind(CLOCK, clock);
        ProducerTemplate template = context.createProducerTemplate();
        Modules modules = new Modules(context);

        // The modules, bottom layer first: each takes what it needs from the ones before it.
        SecurityModule store = modules.add("security", new SecurityModule(context, settings, clock));
        SecurityRegistry security = store.security();
        modules.add("passTickets", new PassTicketModule(security, clock)).addComponent(context);
        ServerSettings server = ServerSettings.from(settings);
        DaemonSettings daemonSettings = DaemonSettings.from(settings);
        PartnerModule partners = modules.add("partners", new PartnerModule(security, PartnerSettings.from(settings),
                NodeAddress.endpoint(server.advertisedHost(), daemonSettings.host(), daemonSettings.port()), clock));
        ExitSettings exitSettings = ExitSettings.from(settings);
        ExitModule exits = modules.add("exits", new ExitModule(context, settings, security));
        ProtocolSettings protocol = ProtocolSettings.from(settings);
        SessionModule sessions = modules.add("sessions", new SessionModule(context, settings.applid(),
                settings.systemName(), SessionSettings.from(settings), server, protocol, security, clock, template,
                exits.exits(), partners.connections(), partners.membership()));
        DaemonModule daemon = modules.add("daemon", new DaemonModule(context, settings.applid(), daemonSettings, server,
                PoolSettings.from(settings), protocol, security, clock, template, exits.exits(), sessions,
                partners.service(), partners.serviceIdentity()));
        modules.add("miners", new MinerModule(FilesSettings.from(settings), exitSettings, security, exits.exits()));
        modules.add("admin", new AdminModule(context, AdminSettings.from(settings), settings.applid(), settings.systemName(), settings.dataDir(),
                daemonSettings, PartnerSettings.from(settings), security, clock, template, sessions, daemon, partners));

        Parts parts = new Parts(sessions.sessions(), daemon.pools(), sessions.clientIds(), exits.exits(),
                partners.connections(), partners.service());
        context.getRegistry().bind(DAEMON, parts);
        modules.add("jobs", new JobsModule(context, settings, security, exits.exits(), daemon.pools(), sessions.sessions(),
                partners.connections(), partners.service(), clock));

        var loader = PluginHelper.getRoutesLoader(context);
        for (String location : BUILT_IN_ROUTES) {
            loader.loadRoutes(ResourceHelper.resolveMandatoryResource(context, location));
        }
        // Routes loaded from here on are the integrator's: a change of one step is woven in, a route
        // that takes a built-in id replaces it, loudly.
        RouteReplacements.watch(context);
        StepChanges.install(context);
        IntegratorRoutes.load(context, settings.routesDir());
        return new PassGate(settings, store, parts);
    }

    /**
     * Binds a module's {@code @BindToRegistry} methods through Camel's own bean post-processor
     * (as camel-main does for a configuration class) and adds its lifecycle, if it has one, as a
     * context service: started in this order, stopped in the reverse.
     */
    private record Modules(CamelContext context) {

        <T> T add(String name, T module) throws Exception {
            CamelBeanPostProcessor post = PluginHelper.getBeanPostProcessor(context);
            post.postProcessBeforeInitialization(module, name);
            post.postProcessAfterInitialization(module, name);
            if (module instanceof Service service) {
                context.addService(service, true, true);
            }
            return module;
        }
    }

    /** Gives every setting the properties component cannot resolve PassGate's built-in default. */
    public static void addDefaults(PropertiesComponent properties) {
        PassGateSettings.defaults().forEach((k, v) -> {
            if (properties.resolveProperty((String) k).isEmpty()) {
                properties.addInitialProperty((String) k, (String) v);
            }
        });
    }

    private static void checkOwnApplid(PassGateSettings settings) {
        String applid = settings.applid();
        if (UnsafeApplids.isUnsafe(applid, settings.systemName())) {
            if (!settings.allowUnsafeApplid()) {
                throw new IllegalStateException(UnsafeApplids.explain(applid) + " To use it anyway set "
                        + PassGateSettings.ALLOW_UNSAFE_APPLID + "=true.");
            }
            LOG.warn("{} Running with it because {}=true.", UnsafeApplids.explain(applid),
                    PassGateSettings.ALLOW_UNSAFE_APPLID);
        }
    }

    public PassGateSettings settings() {
        return settings;
    }

    /** The security registry: verify, access checks, RACF commands, audit. */
    public SecurityRegistry security() {
        return store.security();
    }

    /** Partner info (get/set, PartnerSocket, PartnerServerSocket) for this node's connections. */
    public PartnerInfoService partners() {
        return daemon.partners();
    }

    /** The database URL (no credentials), for start-up messages. */
    public String databaseUrl() {
        return store.databaseUrl();
    }
}
