package dev.passgate.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Serializes what every node does once on a store (migrations, the security bootstrap) across
 * the nodes that start on one PostgreSQL at the same moment: each check-then-create of the
 * bootstrap then sees what the node before it made, so N nodes on an empty database come up
 * with one administrator and no unique-key races. A transaction-scoped advisory lock: it goes
 * with the transaction, also when the node dies holding it.
 *
 * <p>The lock's connection is a connection of its own, outside the pool, so the work has the
 * whole pool (a CLI's pool has two connections). Embedded H2 is one process's file: nothing to
 * serialize beyond what the caller already does.
 */
public final class BootstrapLock {

    /** The advisory lock's key: "PassGate" in ASCII, unlikely to meet another application's. */
    static final long KEY = 0x5061737347617465L;

    private BootstrapLock() {
    }

    /** Runs the work while holding the store's bootstrap lock (waiting for it as long as another node holds it). */
    public static <T> T exclusively(DataSource dataSource, Supplier<T> work) {
        if (StoreVendor.of(dataSource) != StoreVendor.POSTGRESQL) {
            return work.get();
        }
        try (Connection lock = lockConnection(dataSource)) {
            lock.setAutoCommit(false);
            try {
                try (PreparedStatement ps = lock.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    ps.setLong(1, KEY);
                    ps.execute();
                }
                return work.get();
            } finally {
                lock.rollback(); // ends the transaction, and with it the lock; it changed nothing
            }
        } catch (SQLException e) {
            throw new Jdbc.StoreException(e);
        }
    }

    private static Connection lockConnection(DataSource dataSource) throws SQLException {
        if (dataSource instanceof HikariDataSource pool) {
            return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return dataSource.getConnection();
    }
}
