package dev.passgate.camel;

import dev.passgate.passticket.PropertiesDefinitionResolver;
import dev.passgate.security.MasterKeyCheck;
import dev.passgate.security.MasterKeys;
import dev.passgate.security.SecurityBootstrap;
import dev.passgate.security.SecurityRegistry;
import dev.passgate.security.SecuritySettings;
import dev.passgate.settings.PassGateSettings;
import dev.passgate.store.Database;
import dev.passgate.store.QuartzStore;
import dev.passgate.store.StoreSettings;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store and the security registry over it: opens the database, unseals with the master key,
 * makes sure PassGate's own logon definitions exist, applies the bootstrap file, and points Quartz's
 * job store at the database. It is the bottom module: everything above asks this registry.
 *
 * <p>Lives in {@code camel} because {@code security} and {@code store} are libraries without Camel.
 * Stops last, after the routes and the other modules, so nothing uses the store any more.
 */
public final class SecurityModule extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityModule.class);

    public static final String DATA_SOURCE = "passGateDataSource";
    public static final String SECURITY = "passGateSecurity";
    public static final String AUDIT_PURGE = "auditRetentionPurge";

    private final SecuritySettings settings;
    private final Database database;
    private final SecurityRegistry security;
    private final Clock clock;

    public SecurityModule(CamelContext context, PassGateSettings node, Clock clock) throws Exception {
        this.settings = SecuritySettings.from(node);
        this.clock = clock;
        // The key first: a host that gave none learns it before anything is written.
        Optional<byte[]> found = MasterKeys.find(settings.masterKey(), settings.masterKeyFile(),
                settings.createMasterKey(), node.dataDir());
        StoreSettings store = StoreSettings.from(node);
        this.database = store.open(node.dataDir(), store.maxConnections());
        if (!store.durableAcks()) {
            LOG.warn("{}=false: replies do not wait for the store's file, and a kill -9 can lose what was"
                    + " acknowledged in the last second (meant for measuring what durability costs)", StoreSettings.DURABLE_ACKS);
        }
        try {
            byte[] masterKey = MasterKeyCheck.settle(database.dataSource(), found, settings.masterKeyFile());
            var configured = new PropertiesDefinitionResolver(node::lookup, node.systemName());
            this.security = new SecurityRegistry(database.dataSource(), masterKey, settings.passwordIterations(), clock,
                    node.systemName(), List.of(configured), store.durableAcks());
            SecurityBootstrap bootstrap = new SecurityBootstrap(security);
            bootstrap.ensureLogonDefinitions(node.applid());
            bootstrap.applyFile(settings.bootstrapFile());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        QuartzStore.configure(context, database.dataSource(), node.systemName());
    }

    @BindToRegistry(DATA_SOURCE)
    public DataSource dataSource() {
        return database.dataSource();
    }

    @BindToRegistry(SECURITY)
    public SecurityRegistry security() {
        return security;
    }

    /** Step of the audit-retention-purge route. */
    @BindToRegistry(AUDIT_PURGE)
    public AuditRetentionProcessor auditRetentionPurge() {
        return new AuditRetentionProcessor(security.audit(), clock, settings.auditRetentionDays());
    }

    /** The database URL (no credentials), for start-up messages. */
    public String databaseUrl() {
        return database.url();
    }

    @Override
    protected void doStop() {
        security.close();
        database.close();
    }
}
