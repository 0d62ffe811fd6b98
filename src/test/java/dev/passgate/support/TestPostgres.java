package dev.passgate.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 15 per test JVM, started on first use (about 3 s) and stopped when the JVM
 * ends; every caller gets an empty database of its own on it, so tests never see each other's rows.
 */
public final class TestPostgres {

    public static final String USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // three PassGates of 16 connections each, plus the tests' own
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the test PostgreSQL", e);
            }
        }
        return server;
    }

    /** A new, empty database; its JDBC URL (user {@link #USER}, any password). */
    public static String newDatabase() {
        EmbeddedPostgres pg = server();
        String name = "passgate_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + name;
    }

    /** PassGate settings for a store on a new, empty database of the test PostgreSQL. */
    public static Map<String, String> storeSettings() {
        return storeSettings(newDatabase());
    }

    /**
     * A node of a cluster on the given database: its own system name, no job monitor port (the
     * fixed one would clash between nodes), and the extra settings given as key, value, ….
     */
    public static Map<String, String> nodeSettings(String url, String systemName, String... extra) {
        Map<String, String> settings = new java.util.HashMap<>(storeSettings(url));
        settings.put("passgate.system.name", systemName);
        settings.put("passgate.jobs.port", "0");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            settings.put(extra[i], extra[i + 1]);
        }
        return settings;
    }

    /** PassGate settings for a store on the given database (for nodes that share one). */
    public static Map<String, String> storeSettings(String url) {
        return Map.of("passgate.store.url", url, "passgate.store.user", USER, "passgate.store.password", "unused");
    }
}
