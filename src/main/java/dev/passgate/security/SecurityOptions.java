package dev.passgate.security;

import dev.passgate.store.Jdbc;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system-wide password rules SETROPTS sets, stored in {@code sec_option}.
 *
 * <ul>
 * <li>{@code REVOKE}: consecutive failed logons that revoke a user (default 5; 0 = never);</li>
 * <li>{@code INTERVAL}: days a password stays valid (default 90);</li>
 * <li>{@code MINLENGTH}: shortest password accepted (default 1, RACF's).</li>
 * </ul>
 *
 * <p>The registry's own instance holds what it read for a few seconds, as the profile cache
 * does: a password logon asks for {@code INTERVAL} and should not read it each time. A RACF
 * change empties it on every node ({@link #invalidate}, through the registry's cache flush).
 */
public final class SecurityOptions {

    private record Read(Optional<Integer> value, long at) {
    }

    public static final String REVOKE = "REVOKE";
    public static final String INTERVAL = "INTERVAL";
    public static final String MINLENGTH = "MINLENGTH";

    private final Jdbc jdbc;
    private final Clock clock;
    private final long ttlMillis;
    private final Map<String, Read> read = new ConcurrentHashMap<>();
    /** Counts invalidations, so that a read racing one does not put back what it dropped. */
    private final AtomicLong flushes = new AtomicLong();

    /** Reads the store every time (within a command's transaction, for instance). */
    public SecurityOptions(Jdbc jdbc) {
        this(jdbc, null, 0);
    }

    /** Holds each value read for {@code ttlMillis}, or until {@link #invalidate}. */
    public SecurityOptions(Jdbc jdbc, Clock clock, long ttlMillis) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttlMillis = ttlMillis;
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
        if (clock == null) {
            return load(name).orElse(fallback);
        }
        long now = clock.millis();
        Read r = read.get(name);
        if (r == null || now - r.at() > ttlMillis) {
            long flushed = flushes.get();
            r = new Read(load(name), now);
            if (flushes.get() == flushed) {
                read.put(name, r);
            }
        }
        return r.value().orElse(fallback);
    }

    public void set(String name, int value) {
        if (jdbc.update("UPDATE sec_option SET option_value = ? WHERE name = ?", Integer.toString(value), name) == 0) {
            jdbc.update("INSERT INTO sec_option (name, option_value) VALUES (?, ?)", name, Integer.toString(value));
        }
        invalidate();
    }

    /** Forgets what was read: the next call reads the store. */
    public void invalidate() {
        flushes.incrementAndGet();
        read.clear();
    }

    private Optional<Integer> load(String name) {
        return jdbc.queryOne("SELECT option_value FROM sec_option WHERE name = ?", rs -> Integer.parseInt(rs.getString(1)),
                name);
    }
}
