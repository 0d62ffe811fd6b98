package dev.passgate.security;

import dev.passgate.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Users, their group connections and certificate mappings in the database. */
public final class UserStore {

    private static final String COLUMNS = "user_id, name, default_group, password_hash, phrase_hash, password_expired,"
            + " password_changed_at, password_interval, revoked, failures, protected, special, totp_secret, created_at";

    private final Jdbc jdbc;

    public UserStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserRecord> find(String userId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM sec_user WHERE user_id = ?", UserStore::map, userId);
    }

    public boolean exists(String userId) {
        return find(userId).isPresent();
    }

    public List<UserRecord> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM sec_user ORDER BY user_id", UserStore::map);
    }

    /** Every stored password and phrase hash, for the hasher to learn what a check must cost. */
    public List<String> passwordRecords() {
        return jdbc.query("SELECT password_hash FROM sec_user WHERE password_hash IS NOT NULL UNION ALL"
                + " SELECT phrase_hash FROM sec_user WHERE phrase_hash IS NOT NULL", rs -> rs.getString(1));
    }

    public void insert(UserRecord u) {
        jdbc.update("INSERT INTO sec_user (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                u.userId(), u.name(), u.defaultGroup(), u.passwordHash(), u.phraseHash(), u.passwordExpired(),
                u.passwordChangedAt(), u.passwordInterval(), u.revoked(), u.failures(), u.protectedUser(), u.special(),
                u.totpSecret(), u.createdAt());
    }

    /** Writes every column of an existing user. */
    public void update(UserRecord u) {
        jdbc.update("UPDATE sec_user SET name = ?, default_group = ?, password_hash = ?, phrase_hash = ?,"
                + " password_expired = ?, password_changed_at = ?, password_interval = ?, revoked = ?, failures = ?,"
                + " protected = ?, special = ?, totp_secret = ? WHERE user_id = ?",
                u.name(), u.defaultGroup(), u.passwordHash(), u.phraseHash(), u.passwordExpired(), u.passwordChangedAt(),
                u.passwordInterval(), u.revoked(), u.failures(), u.protectedUser(), u.special(), u.totpSecret(), u.userId());
    }

    /** Counts one more failed logon and returns the new count; atomic, so concurrent failures all count. */
    public int recordFailure(String userId) {
        jdbc.update("UPDATE sec_user SET failures = failures + 1 WHERE user_id = ?", userId);
        return jdbc.queryOne("SELECT failures FROM sec_user WHERE user_id = ?", rs -> rs.getInt(1), userId).orElse(0);
    }

    public void resetFailures(String userId) {
        jdbc.update("UPDATE sec_user SET failures = 0 WHERE user_id = ? AND failures <> 0", userId);
    }

    public void setRevoked(String userId, boolean revoked) {
        jdbc.update("UPDATE sec_user SET revoked = ?, failures = CASE WHEN ? THEN failures ELSE 0 END WHERE user_id = ?",
                revoked, revoked, userId);
    }

    public void delete(String userId) {
        jdbc.update("DELETE FROM sec_user WHERE user_id = ?", userId);
    }

    public List<String> groups(String userId) {
        return jdbc.query("SELECT group_id FROM sec_connect WHERE user_id = ? ORDER BY group_id", rs -> rs.getString(1),
                userId);
    }

    public void connect(String userId, String groupId) {
        if (!groups(userId).contains(groupId)) {
            jdbc.update("INSERT INTO sec_connect (user_id, group_id) VALUES (?, ?)", userId, groupId);
        }
    }

    public boolean remove(String userId, String groupId) {
        return jdbc.update("DELETE FROM sec_connect WHERE user_id = ? AND group_id = ?", userId, groupId) > 0;
    }

    public void mapCertificate(String subjectDn, String issuerDn, String userId) {
        jdbc.update("INSERT INTO sec_certificate_map (subject_dn, issuer_dn, user_id) VALUES (?, ?, ?)", subjectDn,
                issuerDn, userId);
    }

    /** The user a certificate maps to: a mapping naming its issuer wins over one for any issuer. */
    public Optional<String> userForCertificate(String subjectDn, String issuerDn) {
        return jdbc.queryOne("SELECT user_id FROM sec_certificate_map WHERE subject_dn = ? AND (issuer_dn = ? OR issuer_dn"
                + " IS NULL) ORDER BY CASE WHEN issuer_dn IS NULL THEN 1 ELSE 0 END", rs -> rs.getString(1), subjectDn,
                issuerDn);
    }

    private static UserRecord map(ResultSet rs) throws SQLException {
        return new UserRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), (Long) rs.getObject(7, Long.class), (Integer) rs.getObject(8, Integer.class),
                rs.getBoolean(9), rs.getInt(10), rs.getBoolean(11), rs.getBoolean(12), rs.getString(13), rs.getLong(14));
    }
}
