package dev.passgate;

import dev.passgate.camel.PassTicketComponent;
import dev.passgate.camel.AuditRetentionProcessor;
import dev.passgate.camel.ReplayPurgeProcessor;
import dev.passgate.daemon.DaemonSetup;
import dev.passgate.exit.ExitRoutes;
import java.util.Set;
import dev.passgate.passticket.JdbcReplayStore;
import dev.passgate.passticket.PropertiesDefinitionResolver;
import dev.passgate.passticket.UnsafeApplids;
import dev.passgate.security.MasterKeys;
import dev.passgate.security.SecurityBootstrap;
import dev.passgate.security.SecurityRegistry;
import dev.passgate.store.Database;
import dev.passgate.store.QuartzStore;
import java.time.Clock;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point that puts PassGate into a CamelContext: settings defaults, the store,
 * the security registry (with the definitions its own logon flow needs), the beans its
 * routes call by name, the {@code passticket:} component and the built-in routes.
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

    /** Built-in route files, loaded in this order. Integrator routes come from {@code passgate.routes.dir}. */
    public static final List<String> BUILT_IN_ROUTES = List.of("classpath:routes/passticket.camel.yaml",
            "classpath:routes/daemon.camel.yaml", "classpath:routes/session.camel.yaml", "classpath:routes/audit.camel.yaml");

    /** Registry names of the beans PassGate binds; routes refer to them. */
    public static final String SETTINGS = "passGateSettings";
    public static final String DATA_SOURCE = "passGateDataSource";
    public static final String CLOCK = "passGateClock";
    public static final String SECURITY = "passGateSecurity";
    public static final String DAEMON = "passGateDaemon";
    public static final String GENERATOR = "passTicketGenerator";
    public static final String EVALUATOR = "passTicketEvaluator";
    public static final String REPLAY_STORE = "passTicketReplayStore";
    public static final String REPLAY_PURGE = "passTicketReplayPurge";
    public static final String AUDIT_PURGE = "auditRetentionPurge";

    private static final Logger LOG = LoggerFactory.getLogger(PassGate.class);

    private final PassGateSettings settings;
    private final Database database;
    private final SecurityRegistry security;
    private final DaemonSetup.Parts daemon;

    private PassGate(PassGateSettings settings, Database database, SecurityRegistry security, DaemonSetup.Parts daemon) {
        this.settings = settings;
        this.database = database;
        this.security = security;
        this.daemon = daemon;
    }

    /** The daemon's sessions, pools and pending handoffs. */
    public DaemonSetup.Parts daemon() {
        return daemon;
    }

    /**
     * Installs PassGate into a context that has not been started. Settings the context
     * cannot resolve take PassGate's built-in defaults.
     *
     * @throws IllegalStateException when the configuration is unusable (the message says why)
     */
    public static PassGate install(CamelContext context) throws Exception {
        return install(context, Set.of());
    }

    /**
     * As {@link #install(CamelContext)}, leaving out the built-in exit routes of the given
     * events because the host brings its own ({@link ExitRoutes#claimedBy}).
     */
    public static PassGate install(CamelContext context, Set<String> replacedExitEvents) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        addDefaults(properties);
        PassGateSettings settings = new PassGateSettings(properties::resolveProperty);
        checkOwnApplid(settings);

        Database database = settings.openStore(settings.integer(PassGateSettings.STORE_MAX_CONNECTIONS));
        Clock clock = Clock.systemUTC();
        var configured = new PropertiesDefinitionResolver(properties::resolveProperty, settings.systemName());
        var replayStore = new JdbcReplayStore(database.dataSource());
        SecurityRegistry security;
        try {
            byte[] masterKey = MasterKeys.load(settings.find(PassGateSettings.MASTER_KEY),
                    settings.path(PassGateSettings.MASTER_KEY_FILE), settings.dataDir());
            security = new SecurityRegistry(database.dataSource(), masterKey,
                    settings.integer(PassGateSettings.PASSWORD_ITERATIONS), clock, settings.systemName(), List.of(configured));
            SecurityBootstrap bootstrap = new SecurityBootstrap(security);
            bootstrap.ensureLogonDefinitions(settings.applid());
            bootstrap.applyFile(settings.path(PassGateSettings.BOOTSTRAP_FILE));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                // Services stop after routes, so nothing uses the store any more.
                security.close();
                database.close();
            }
        }, true, true);

        Registry registry = context.getRegistry();
        registry.bind(SETTINGS, settings);
        registry.bind(DATA_SOURCE, database.dataSource());
        registry.bind(CLOCK, clock);
        registry.bind(SECURITY, security);
        registry.bind(GENERATOR, security.passTicketGenerator());
        registry.bind(EVALUATOR, security.passTicketEvaluator());
        registry.bind(REPLAY_STORE, replayStore);
        registry.bind(REPLAY_PURGE, new ReplayPurgeProcessor(replayStore, clock));
        registry.bind(AUDIT_PURGE, new AuditRetentionProcessor(security.audit(), clock,
                settings.integer("passgate.audit.retention-days")));

        QuartzStore.configure(context, database.dataSource(), settings.systemName());
        DaemonSetup.Parts daemon = DaemonSetup.install(context, settings, security, clock, replacedExitEvents);
        registry.bind(DAEMON, daemon);
        dev.passgate.jobs.JobsModule.install(context, settings, security, daemon, clock);

        if (context.hasComponent("passticket") == null) {
            context.addComponent("passticket", new PassTicketComponent());
        }
        var loader = PluginHelper.getRoutesLoader(context);
        for (String location : BUILT_IN_ROUTES) {
            loader.loadRoutes(ResourceHelper.resolveMandatoryResource(context, location));
        }
        for (String event : ExitRoutes.EVENTS) {
            if (!replacedExitEvents.contains(event)) {
                loader.loadRoutes(ResourceHelper.resolveMandatoryResource(context, ExitRoutes.location(event)));
            }
        }
        return new PassGate(settings, database, security, daemon);
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
            if (!settings.flag(PassGateSettings.ALLOW_UNSAFE_APPLID)) {
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
        return security;
    }

    /** Partner info (get/set, PartnerSocket, PartnerServerSocket) for this node's connections. */
    public dev.passgate.partner.PartnerInfoService partners() {
        return daemon.partners();
    }

    /** The database URL (no credentials), for start-up messages. */
    public String databaseUrl() {
        return database.url();
    }
}
