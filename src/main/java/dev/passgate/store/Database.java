package dev.passgate.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import org.h2.engine.ConnectionInfo;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PassGate's one store: a pooled DataSource, migrated to the current schema on open.
 * Every command that opens the database goes through here, so none can see an old schema.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final String url;
    private final StoreVendor vendor;

    private Database(HikariDataSource pool, String url, StoreVendor vendor) {
        this.pool = pool;
        this.url = url;
        this.vendor = vendor;
    }

    /**
     * The embedded default: an H2 file database {@code passgate} in the data folder, inside
     * this process only. QUERY_CACHE_SIZE: a logon runs some twenty distinct statements and
     * H2's default cache of 8 would parse most of them again every time. Commits are
     * written by H2 within its write delay; what PassGate acknowledges is forced into the
     * file before the answer by {@link GroupCommit} (a CHECKPOINT per batch), so one write
     * serves every request waiting at that moment. DB_CLOSE_ON_EXIT=FALSE: PassGate closes the store itself after
     * its last session is logged out, instead of racing H2's shutdown hook. FILE_LOCK=FS: an
     * OS lock that a crash releases, so a second process can never open it beside us.
     */
    public static String defaultUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("passgate")
                + ";QUERY_CACHE_SIZE=128;DB_CLOSE_ON_EXIT=FALSE;FILE_LOCK=FS";
    }

    /**
     * Opens the configured store: the given URL, or the embedded default in the data folder
     * (folder and files owner-only, the password this installation generated unless one is
     * configured).
     */
    public static Database open(Optional<String> url, String user, Optional<String> password, Path dataDir,
            int maxConnections) {
        if (url.isPresent()) {
            return open(url.get(), user, password.orElse(""), maxConnections);
        }
        EmbeddedStore.secureFolder(dataDir);
        String embedded = defaultUrl(dataDir);
        String secret = password.orElseGet(() -> new String(EmbeddedStore.password(dataDir)));
        Database db;
        try {
            db = open(embedded, user, secret, maxConnections);
        } catch (StoreOpenException e) {
            if (!e.wrongPassword() || password.isPresent()) {
                throw e;
            }
            adoptLegacy(embedded, user, secret);
            db = open(embedded, user, secret, maxConnections);
        }
        EmbeddedStore.secureFiles(dataDir);
        return db;
    }

    /** A store made before generated credentials had the well-known password: give it this installation's. */
    private static void adoptLegacy(String url, String user, String secret) {
        try (Connection c = DriverManager.getConnection(url, user, EmbeddedStore.LEGACY_PASSWORD);
                PreparedStatement ps = c.prepareStatement("ALTER USER " + EmbeddedStore.USER + " SET PASSWORD ?")) {
            ps.setString(1, secret);
            ps.execute();
            LOG.info("The store's well-known password was replaced by this installation's generated one");
        } catch (SQLException e) {
            throw StoreOpenException.of(url, e);
        }
    }

    /**
     * Whether H2 would serve this URL's database over the network (a tcp: or ssl: URL, or
     * AUTO_SERVER in any spelling H2 takes as true: TRUE, 1, YES), decided by H2's own URL
     * parser rather than by matching text. A URL H2 cannot parse fails at the first connection,
     * with H2's message, and opens nothing.
     */
    private static boolean servedOverNetwork(String url) {
        ConnectionInfo h2;
        try {
            h2 = new ConnectionInfo(url, new Properties(), null, null);
        } catch (RuntimeException unparsable) {
            return false;
        }
        return h2.isRemote() || h2.getProperty("AUTO_SERVER", false);
    }

    /**
     * Opens the database and applies pending migrations.
     *
     * @param maxConnections the pool's size
     */
    public static Database open(String url, String user, String password, int maxConnections) {
        StoreVendor vendor = StoreVendor.of(url);
        String upper = url.toUpperCase(Locale.ROOT);
        if (vendor == StoreVendor.H2 && servedOverNetwork(url)) {
            throw new IllegalArgumentException("passgate.store.url: the embedded store must not be served over the network"
                    + " (no AUTO_SERVER, tcp: or ssl: URLs); other processes reach it through the running daemon;"
                    + " nodes that share a store use PostgreSQL");
        }
        if (vendor == StoreVendor.H2 && !upper.startsWith("JDBC:H2:MEM:")) {
            url = withDurability(url, upper);
        }
        try (Connection probe = DriverManager.getConnection(url, user, password == null ? "" : password)) {
            // fails here, with a clear message, when the file is locked, the server is down or the password is wrong
        } catch (SQLException e) {
            throw StoreOpenException.of(url, e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password == null ? "" : password);
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(Math.min(2, maxConnections));
        config.setPoolName("passgate-store");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            // Nodes starting together on one PostgreSQL: one migrates, the others then find it done.
            var result = BootstrapLock.exclusively(pool, () -> Flyway.configure()
                    .dataSource(pool)
                    .locations(vendor.migrationLocations())
                    .load()
                    .migrate());
            if (result.migrationsExecuted > 0) {
                LOG.info("Database migrated to schema version {} ({} migrations applied)", result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, StoreOpenException.withoutCredentials(url), vendor);
    }

    /** PassGate closes the store after its last logout: a configured H2 URL must not let H2's shutdown hook race it. */
    private static String withDurability(String url, String upper) {
        StringBuilder sb = new StringBuilder(url);
        if (!upper.contains("DB_CLOSE_ON_EXIT=")) {
            sb.append(";DB_CLOSE_ON_EXIT=FALSE");
        }
        return sb.toString();
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The JDBC URL without its parameters (a PostgreSQL URL may carry a password in them), for start-up messages. */
    public String url() {
        return url;
    }

    public StoreVendor vendor() {
        return vendor;
    }

    @Override
    public void close() {
        pool.close();
    }
}
