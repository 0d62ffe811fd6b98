package dev.passgate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The few JDBC shapes the stores need, with SQL errors turned into one unchecked exception.
 * A {@link #inTransaction} block runs all its statements on one connection and commits
 * them together, so a failed command never leaves half a record.
 */
public final class Jdbc {

    /**
     * The database's clock in epoch milliseconds, the same SQL on H2 and PostgreSQL: what nodes of
     * one store write and judge shared times by, so that nodes whose clocks disagree still agree.
     */
    public static final String DATABASE_MILLIS = "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)";

    /** Maps one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Jdbc tx) throws SQLException;
    }

    private final DataSource dataSource;
    private final Connection connection; // non-null inside a transaction
    private volatile StoreVendor vendor; // found on first use

    public Jdbc(DataSource dataSource) {
        this(dataSource, null);
    }

    private Jdbc(DataSource dataSource, Connection connection) {
        this.dataSource = dataSource;
        this.connection = connection;
    }

    /** The engine behind this store, for the few statements whose SQL differs between engines. */
    public StoreVendor vendor() {
        StoreVendor known = vendor;
        if (known == null) {
            known = withConnection(c -> StoreVendor.of(c.getMetaData().getURL()));
            vendor = known;
        }
        return known;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public int update(String sql, Object... args) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, args)) {
                return ps.executeUpdate();
            }
        });
    }

    /** Work with a prepared statement. */
    @FunctionalInterface
    public interface StatementWork {
        void run(PreparedStatement ps) throws SQLException;
    }

    /** Prepares one statement (for batches) and runs the work with it. */
    public void withStatement(String sql, StatementWork work) {
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                work.run(ps);
            }
            return null;
        });
    }

    /** Runs the work on one connection and commits it, or rolls all of it back on any exception. */
    public <T> T inTransaction(Work<T> work) {
        if (connection != null) {
            try {
                return work.run(this);
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(new Jdbc(dataSource, c));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e instanceof RuntimeException r ? r : new StoreException((SQLException) e);
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @FunctionalInterface
    private interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T withConnection(SqlFunction<T> f) {
        try {
            if (connection != null) {
                return f.apply(connection);
            }
            try (Connection c = dataSource.getConnection()) {
                return f.apply(c);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    /** A database failure; the message carries the SQL state, never bound values. */
    public static final class StoreException extends RuntimeException {
        public StoreException(SQLException cause) {
            super("database error (SQL state " + cause.getSQLState() + ")", cause);
        }

        public boolean isUniqueViolation() {
            return getCause() instanceof SQLException s && "23505".equals(s.getSQLState());
        }
    }
}
