package dev.passgate.store;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PassGate's one store: a pooled DataSource, migrated to the current schema on open.
 * Every command that opens the database goes through here, so none can see an old schema.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final JdbcConnectionPool pool;
    private final String url;

    private Database(JdbcConnectionPool pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /** The embedded default: an H2 file database {@code passgate} in the data folder. */
    public static String defaultUrl(Path dataDir) {
        // QUERY_CACHE_SIZE: a logon runs some twenty distinct statements; H2's default cache of 8
        // would parse most of them again every time. AUTO_SERVER: "passgate admin" can work on
        // the database while "serve" has it open (H2 then serves it to local processes only).
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("passgate")
                + ";QUERY_CACHE_SIZE=128;AUTO_SERVER=TRUE";
    }

    /**
     * Opens the database and applies pending migrations.
     *
     * @param maxConnections the pool's size
     */
    public static Database open(String url, String user, String password, int maxConnections) {
        if (!url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("passgate.store.url: only H2 databases (jdbc:h2:...) are supported by this"
                    + " version");
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, user, password == null ? "" : password);
        pool.setMaxConnections(maxConnections);
        try {
            var result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Database migrated to schema version {} ({} migrations applied)", result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return new Database(pool, url);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The JDBC URL without any credentials (H2 URLs carry none), for start-up messages. */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
