package dev.passgate.security;

import dev.passgate.store.Jdbc;

/**
 * The system-wide password rules SETROPTS sets, stored in {@code sec_option}.
 *
 * <ul>
 * <li>{@code REVOKE}: consecutive failed logons that revoke a user (default 5; 0 = never);</li>
 * <li>{@code INTERVAL}: days a password stays valid (default 90);</li>
 * <li>{@code MINLENGTH}: shortest password accepted (default 1, RACF's).</li>
 * </ul>
 */
public final class SecurityOptions {

    public static final String REVOKE = "REVOKE";
    public static final String INTERVAL = "INTERVAL";
    public static final String MINLENGTH = "MINLENGTH";

    private final Jdbc jdbc;

    public SecurityOptions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public int revokeLimit() {
        return get(REVOKE, 5);
    }

    public int intervalDays() {
        return get(INTERVAL, 90);
    }

    public int minLength() {
        return get(MINLENGTH, 1);
    }

    public int get(String name, int fallback) {
        return jdbc.queryOne("SELECT option_value FROM sec_option WHERE name = ?", rs -> Integer.parseInt(rs.getString(1)), name)
                .orElse(fallback);
    }

    public void set(String name, int value) {
        if (jdbc.update("UPDATE sec_option SET option_value = ? WHERE name = ?", Integer.toString(value), name) == 0) {
            jdbc.update("INSERT INTO sec_option (name, option_value) VALUES (?, ?)", name, Integer.toString(value));
        }
    }
}
