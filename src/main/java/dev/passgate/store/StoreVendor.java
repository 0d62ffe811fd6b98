package dev.passgate.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The database engines PassGate's store runs on: embedded H2 for one node, PostgreSQL for nodes
 * that share one store. Where their SQL differs (migrations, upserts, Quartz's delegate,
 * forcing commits into the file), the difference is chosen here, by the JDBC URL.
 */
public enum StoreVendor {
    H2("h2", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate"),
    // Quartz's standard delegate reads job data as a BLOB, which a BYTEA column is not: no timer would fire.
    POSTGRESQL("postgresql", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");

    private final String folder;
    private final String quartzDelegate;

    StoreVendor(String folder, String quartzDelegate) {
        this.folder = folder;
        this.quartzDelegate = quartzDelegate;
    }

    /** @throws IllegalArgumentException for a URL of any other database */
    public static StoreVendor of(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("passgate.store.url: only H2 (jdbc:h2:...) and PostgreSQL"
                + " (jdbc:postgresql://...) databases are supported");
    }

    /** The engine behind a DataSource, from its connections' URL. */
    public static StoreVendor of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return of(c.getMetaData().getURL());
        } catch (SQLException e) {
            throw new Jdbc.StoreException(e);
        }
    }

    /** Flyway's locations: the migrations every engine shares, then this engine's own. */
    String[] migrationLocations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + folder};
    }

    /** The Quartz driver delegate that reads this engine's job-data column type. */
    public String quartzDelegate() {
        return quartzDelegate;
    }
}
