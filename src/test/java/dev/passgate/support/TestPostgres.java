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

    /** PassGate settings for a store on the given database (for nodes that share one). */
    public static Map<String, String> storeSettings(String url) {
        return Map.of("passgate.store.url", url, "passgate.store.user", USER, "passgate.store.password", "unused");
    }
}
