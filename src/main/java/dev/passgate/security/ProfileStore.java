package dev.passgate.security;

import dev.passgate.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resource classes, profiles and their access lists in the database. */
public final class ProfileStore {

    private static final String COLUMNS = "class_name, profile_name, generic, uacc, appldata, ssignon";

    private final Jdbc jdbc;

    public ProfileStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a class with no matching profile allows access; empty when the class is not defined. */
    public Optional<Boolean> noProfileRule(String className) {
        return jdbc.queryOne("SELECT no_profile_allows FROM sec_class WHERE class_name = ?", rs -> rs.getBoolean(1),
                className);
    }

    public void defineClass(String className, boolean noProfileAllows) {
        jdbc.update("INSERT INTO sec_class (class_name, no_profile_allows) VALUES (?, ?)", className, noProfileAllows);
    }

    public Optional<ProfileRecord> find(String className, String name) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM sec_profile WHERE class_name = ? AND profile_name = ?",
                this::map, className, name);
    }

    /** The generic profiles of a class, for matching. */
    public List<ProfileRecord> generics(String className) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sec_profile WHERE class_name = ? AND generic = TRUE", this::map,
                className);
    }

    public List<ProfileRecord> all(String className) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sec_profile WHERE class_name = ? ORDER BY profile_name", this::map,
                className);
    }

    public void insert(ProfileRecord p) {
        jdbc.update("INSERT INTO sec_profile (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", p.className(), p.name(),
                p.generic(), p.uacc().name(), p.appldata(), p.sealedSsignon());
    }

    public void update(ProfileRecord p) {
        jdbc.update("UPDATE sec_profile SET uacc = ?, appldata = ?, ssignon = ? WHERE class_name = ? AND profile_name = ?",
                p.uacc().name(), p.appldata(), p.sealedSsignon(), p.className(), p.name());
    }

    public boolean delete(String className, String name) {
        return jdbc.update("DELETE FROM sec_profile WHERE class_name = ? AND profile_name = ?", className, name) > 0;
    }

    public void permit(String className, String name, String principal, AccessLevel level) {
        if (jdbc.update("UPDATE sec_access SET access_level = ? WHERE class_name = ? AND profile_name = ? AND principal = ?",
                level.name(), className, name, principal) == 0) {
            jdbc.update("INSERT INTO sec_access (class_name, profile_name, principal, access_level) VALUES (?, ?, ?, ?)",
                    className, name, principal, level.name());
        }
    }

    public boolean unpermit(String className, String name, String principal) {
        return jdbc.update("DELETE FROM sec_access WHERE class_name = ? AND profile_name = ? AND principal = ?",
                className, name, principal) > 0;
    }

    private ProfileRecord map(ResultSet rs) throws SQLException {
        String className = rs.getString(1);
        String name = rs.getString(2);
        Map<String, AccessLevel> access = new LinkedHashMap<>();
        jdbc.query("SELECT principal, access_level FROM sec_access WHERE class_name = ? AND profile_name = ?"
                + " ORDER BY principal", r -> access.put(r.getString(1), AccessLevel.parse(r.getString(2))), className, name);
        return new ProfileRecord(className, name, rs.getBoolean(3), AccessLevel.parse(rs.getString(4)), rs.getString(5),
                rs.getString(6), access);
    }
}
