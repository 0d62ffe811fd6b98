package dev.passgate.passticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import javax.sql.DataSource;

/**
 * Replay records in the shared database (table {@code passticket_replay}). The primary key
 * makes "first use" atomic across threads and across nodes that share the database.
 */
public final class JdbcReplayStore implements ReplayStore {

    /** SQL state for a unique-key violation in H2, PostgreSQL and the SQL standard. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public JdbcReplayStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean recordFirstUse(String user, String applid, PassTicketType type, long generatedAt, long expiresAt) {
        String sql = "INSERT INTO passticket_replay (user_id, applid, ticket_type, generated_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, user);
            ps.setString(2, applid);
            ps.setString(3, type.name());
            ps.setLong(4, generatedAt);
            ps.setLong(5, expiresAt);
            ps.executeUpdate();
            return true;
        } catch (SQLIntegrityConstraintViolationException e) {
            return false;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("cannot record PassTicket use in the replay store", e);
        }
    }

    @Override
    public int purgeExpired(long now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM passticket_replay WHERE expires_at < ?")) {
            ps.setLong(1, now);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge the PassTicket replay store", e);
        }
    }
}
