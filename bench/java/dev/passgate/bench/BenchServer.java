package dev.passgate.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.passgate.PassGate;
import dev.passgate.store.StoreSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.LoggerFactory;

/**
 * PassGate embedded for the load harness: its own data folder (and, on PostgreSQL, a database of
 * its own), a free daemon port, no idle timeout, and a cheap password hash (PBKDF2 with 1
 * iteration instead of 210,000: FtpServer compares clear text) so the figures measure the
 * gateway, not the hash. Logging is at WARN so that per-logon INFO lines do not dominate.
 */
final class BenchServer implements AutoCloseable {

    static final String USER = "BENCH";
    static final String PASSWORD = "Bench1";

    final CamelContext context = new DefaultCamelContext();
    final PassGate passGate;
    final BenchStore store;
    final int port;

    /**
     * @param postgres the harness's PostgreSQL, required for {@link BenchStore#POSTGRES}
     * @param idleTimeoutSeconds 0 for sessions that never time out
     */
    static BenchServer on(BenchStore store, BenchPostgres postgres, int idleTimeoutSeconds) throws Exception {
        Map<String, String> settings = switch (store) {
            case H2 -> Map.of();
            case H2_UNFORCED -> Map.of(StoreSettings.DURABLE_ACKS, "false");
            case POSTGRES -> postgres.newStore();
        };
        return new BenchServer(store, settings, idleTimeoutSeconds);
    }

    private BenchServer(BenchStore store, Map<String, String> storeSettings, int idleTimeoutSeconds) throws Exception {
        this.store = store;
        quietLogging();
        Path data = Files.createTempDirectory("passgate-bench");
        port = freePort();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        var p = context.getPropertiesComponent();
        storeSettings.forEach(p::addInitialProperty);
        // servers on H2 and on PostgreSQL run side by side: the fixed job-monitor port would clash
        p.addInitialProperty("passgate.jobs.port", "0");
        p.addInitialProperty("passgate.data.dir", data.toString());
        p.addInitialProperty("passgate.security.master-key", HexFormat.of().formatHex(key));
        p.addInitialProperty("passgate.security.password-iterations", "1");
        p.addInitialProperty("passgate.security.bootstrap-file", data.resolve("none.racf").toString());
        p.addInitialProperty("passgate.daemon.host", "127.0.0.1");
        p.addInitialProperty("passgate.daemon.port", Integer.toString(port));
        p.addInitialProperty("passgate.session.idle-timeout", Integer.toString(idleTimeoutSeconds));
        // A port range, as RSE installations configure one: serial handoffs reuse its first port
        // instead of taking a fresh ephemeral port per logon (which thousands of logons a second
        // would exhaust, with their TIME_WAIT sockets, in well under a minute).
        p.addInitialProperty("passgate.server.port-range", "20000-20999");
        p.addInitialProperty("passgate.pools.max-clients", "100000");
        p.addInitialProperty("passgate.logon.max-failures-per-minute", "1000000");
        // Every bench client is one user on one address, up to 64 at once: the per-user and
        // per-address caps that protect a real daemon would refuse most of them.
        p.addInitialProperty("passgate.server.max-pending-per-user", "0");
        p.addInitialProperty("passgate.server.max-pending-per-address", "0");
        p.addInitialProperty("passgate.daemon.max-unauthenticated-per-address", "0");
        passGate = PassGate.install(context);
        context.start();
        var r = passGate.security().commands().execute("ADDUSER " + USER + " PASSWORD(" + PASSWORD + ") NOEXPIRED", "BENCH");
        if (!r.ok()) {
            throw new IllegalStateException(r.lines().toString());
        }
    }

    static void quietLogging() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("dev.passgate")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("org.apache.camel")).setLevel(Level.WARN);
        // FtpServer warns about every passive port it releases; that is its normal life.
        ((Logger) LoggerFactory.getLogger("org.apache.ftpserver")).setLevel(Level.ERROR);
        ((Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
    }

    /**
     * A free port below the ephemeral range (and below the handoff range), so that no port-0
     * listener started meanwhile (the operator API's) can be handed the same number.
     */
    static int freePort() throws java.io.IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000, 20_000);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (java.io.IOException taken) {
                // try another
            }
        }
        throw new java.io.IOException("no free port between 10000 and 19999");
    }

    @Override
    public void close() throws Exception {
        context.close();
    }
}
