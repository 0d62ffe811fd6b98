package dev.passgate.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL 15 the harness starts for {@code --stores postgres} and stops at its end: the
 * suite's embedded server (same binaries), but durable as a production server is (fsync and
 * synchronous commit on; the embedded default turns synchronous commit off), so the figure
 * beside H2 is for the same guarantee. Its output goes to a file, not to the harness's table.
 */
final class BenchPostgres implements AutoCloseable {

    static final String USER = "postgres";

    final Path log;
    private final EmbeddedPostgres server;
    private final AtomicInteger databases = new AtomicInteger();

    private BenchPostgres(Path log, EmbeddedPostgres server) {
        this.log = log;
        this.server = server;
    }

    /** Starts the server, its output appended to {@code log}. */
    static BenchPostgres start(Path log) throws java.io.IOException {
        BenchServer.quietLogging();
        Files.createDirectories(log.toAbsolutePath().getParent());
        Files.deleteIfExists(log);
        var redirect = ProcessBuilder.Redirect.appendTo(log.toFile());
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setOutputRedirector(redirect)
                .setErrorRedirector(redirect)
                .start();
        return new BenchPostgres(log, server);
    }

    /** PassGate's store settings for a new, empty database of its own on this server. */
    Map<String, String> newStore() throws java.sql.SQLException {
        String name = "passgate_bench_" + databases.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return Map.of("passgate.store.url", "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + name,
                "passgate.store.user", USER, "passgate.store.password", "unused");
    }

    @Override
    public void close() throws java.io.IOException {
        server.close();
    }
}
