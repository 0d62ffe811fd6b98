package dev.passgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import dev.passgate.support.ServeProcess;
import dev.passgate.testkit.TestPassGate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code target/passgate.jar} and {@code bin/passgate}, run as an operator runs
 * them: in their own process. Runs in Maven's integration-test phase, after packaging.
 */
class PackagedJarIT {

    @TempDir
    Path work;

    @Test
    void theScriptRunsThePassTicketCommandFromThePackagedJar() throws Exception {
        var good = ServeProcess.run(work, Map.of(), "passticket", "generate", "--user", "IBMUSER", "--applid", "TSOR001",
                "--key", "E001193519561977", "--time", "1700000000");
        assertEquals("ZVQLMCAN\n", good.getValue());
        assertEquals(0, good.getKey());

        var bad = ServeProcess.run(work, Map.of(), "passticket", "generate", "--user", "IBMUSER", "--applid", "TSOR001",
                "--key", "E00119351956197");
        assertTrue(bad.getValue().startsWith("passgate: "), bad.getValue());
        assertEquals(2, bad.getKey());
    }

    @Test
    void serveStartsWithEnvironmentOverridesAndStopsCleanlyOnSigterm() throws Exception {
        Path data = work.resolve("data");
        for (int run = 1; run <= 2; run++) { // the second start opens what the first left behind
            int daemonPort = TestPassGate.freePort();
            int managementPort = TestPassGate.freePort();
            ServeProcess serve = ServeProcess.start(work, Map.of("PASSGATE_APPLID", "ENVAPPL",
                    "PASSGATE_SECURITY_MASTER_KEY_FILE", work.resolve("master.key").toString(),
                    "PASSGATE_DAEMON_PORT", Integer.toString(daemonPort),
                    "PASSGATE_MANAGEMENT_PORT", Integer.toString(managementPort)),
                    "serve", "--data", data.toString());
            ServeProcess lines = serve;
            String started = lines.await("PassGate started", 60);
            assertEquals(run == 1, lines.saw("PassGate created administrator"),
                    "the administrator's password is shown on the first start only");
            assertTrue(started.contains("APPLID ENVAPPL"), started);
            assertTrue(lines.await("  listening:", 5).contains(":" + daemonPort), "one line per listener");
            assertTrue(lines.await("  data:", 5).contains(data.toString()));
            assertTrue(lines.await("  observe:", 5).contains("127.0.0.1:" + managementPort));
            String health = get(managementPort, "/observe/health");
            assertTrue(health.contains("\"passgate-daemon\"") && health.contains("\"passgate-passticket\"")
                    && !health.contains("DOWN"), health);
            assertTrue(get(managementPort, "/observe/metrics").contains("passgate_sessions_active 0.0"));
            assertEquals(404, status(managementPort, "/observe/info"), "no page shows the pid, OS user or folders");
            serve.signal("TERM");
            assertTrue(serve.process.waitFor(30, TimeUnit.SECONDS), "serve stops within 30 s of SIGTERM");
            lines.await("PassGate stopped", 5);
        }
        assertTrue(Files.exists(data.resolve("passgate.mv.db")));
    }

    private static int status(int port, String path) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** An HTTP GET on the management port (loopback, as serve binds it). */
    private static String get(int port, String path) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                + path)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }
}
