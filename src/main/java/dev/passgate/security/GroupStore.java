package dev.passgate.security;

import dev.passgate.store.Jdbc;
import java.util.List;

/** Groups in the database. */
public final class GroupStore {

    private final Jdbc jdbc;

    public GroupStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String groupId) {
        return jdbc.queryOne("SELECT 1 FROM sec_group WHERE group_id = ?", rs -> 1, groupId).isPresent();
    }

    public void insert(String groupId, String superior, long now) {
        jdbc.update("INSERT INTO sec_group (group_id, superior_group, created_at) VALUES (?, ?, ?)", groupId, superior, now);
    }

    public List<String> members(String groupId) {
        return jdbc.query("SELECT user_id FROM sec_connect WHERE group_id = ? ORDER BY user_id", rs -> rs.getString(1),
                groupId);
    }

    public void delete(String groupId) {
        jdbc.update("DELETE FROM sec_group WHERE group_id = ?", groupId);
    }
}
