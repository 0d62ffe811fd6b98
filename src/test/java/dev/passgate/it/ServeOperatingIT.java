package dev.passgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.admin.AdminHttpApi;
import dev.passgate.support.ServeProcess;
import dev.passgate.testkit.TestPassGate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} as an operator meets it: a taken port or a data folder in use stops it with one
 * line before anything starts; a running node prints a short summary and stops quietly on SIGTERM.
 */
class ServeOperatingIT {

    @TempDir
    Path work;

    private static long stackLines(String output) {
        return output.lines().filter(l -> l.contains("Exception") || l.startsWith("\tat ") || l.startsWith("Caused by"))
                .count();
    }

    @Test
    void aTakenPortStopsServeWithOneLineNamingThePortAndItsSetting() throws Exception {
        Path data = work.resolve("data");
        for (String setting : List.of("passgate.daemon.port", "passgate.management.port", "passgate.admin.port",
                "passgate.jobs.port")) {
            try (ServerSocket taken = new ServerSocket()) {
                taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                int port = taken.getLocalPort();
                Map<String, String> env = ServeProcess.environment(work, TestPassGate.freePort(), TestPassGate.freePort());
                env.put(setting.toUpperCase().replace('.', '_'), Integer.toString(port));
                var run = ServeProcess.run(work, env, "serve", "--data", data.toString());
                assertNotEquals(0, run.getKey(), run.getValue());
                assertEquals("passgate: port " + port + " is in use (set " + setting + " to another port)\n",
                        run.getValue(), "one line and nothing else, for " + setting);
            }
        }
        assertFalse(Files.exists(data.resolve("passgate.mv.db")), "nothing was opened before the refusal");
    }

    @Test
    void aRunningNodeSummarizesItsListenersRefusesASecondServeAndStopsQuietly() throws Exception {
        Path data = work.resolve("data");
        int daemonPort = TestPassGate.freePort();
        int managementPort = TestPassGate.freePort();
        int jobsPort = TestPassGate.freePort();
        Map<String, String> env = ServeProcess.environment(work, daemonPort, managementPort);
        env.put("PASSGATE_JOBS_PORT", Integer.toString(jobsPort));
        try (ServeProcess first = ServeProcess.start(work, env, "serve", "--data", data.toString())) {
            first.await("PassGate started", 90);
            first.await("  observe:", 5);
            String credential = Files.readString(data.resolve(AdminHttpApi.CREDENTIAL_FILE));
            String summary = first.output();
            int adminPort = Integer.parseInt(credential.replaceAll(".*\"port\":(\\d+).*", "$1").trim());
            assertTrue(summary.contains("  listening: netty://tcp://127.0.0.1:" + daemonPort), summary);
            assertTrue(summary.contains("  listening: 127.0.0.1:" + jobsPort + " (job monitor"), summary);
            assertTrue(summary.contains("  listening: 127.0.0.1:" + adminPort + " (operator API"), summary);
            assertTrue(summary.contains("  data:      " + data), summary);
            assertTrue(summary.contains("  password:  PGADMIN's one-time password is in " + data.resolve("pgadmin.password")),
                    summary);
            assertFalse(summary.contains("Property-placeholders summary") || summary.contains("passgate.applid = "),
                    "no settings dump at the default level:\n" + summary);
            assertTrue(summary.lines().count() < 40, "a short start:\n" + summary);

            // A second serve on the same folder, even on other ports, touches nothing there.
            Map<String, String> other = ServeProcess.environment(work, TestPassGate.freePort(), TestPassGate.freePort());
            var second = ServeProcess.run(work, other, "serve", "--data", data.toString());
            assertNotEquals(0, second.getKey());
            assertEquals(1, second.getValue().lines().count(), second.getValue());
            assertTrue(second.getValue().startsWith("passgate: the data folder " + data + " is in use by another passgate"
                    + " serve (pid " + first.process.pid() + ")"), second.getValue());
            assertEquals(credential, Files.readString(data.resolve(AdminHttpApi.CREDENTIAL_FILE)));
            var admin = ServeProcess.run(work, env, "admin", "--data", data.toString(), "LISTUSER PGADMIN");
            assertEquals(0, admin.getKey(), "the first daemon's operator token still works: " + admin.getValue());

            int before = (int) first.output().lines().count();
            first.signal("TERM");
            assertTrue(first.process.waitFor(30, TimeUnit.SECONDS), "serve stops within 30 s of SIGTERM");
            first.await("PassGate stopped", 5);
            List<String> stopping = first.output().lines().skip(before).toList();
            assertEquals(0, stackLines(String.join("\n", stopping)), "no stack trace on SIGTERM: " + stopping);
            assertTrue(stopping.size() <= 3, "a few lines at most: " + stopping);
        }
    }

    @Test
    void dumpRoutesYamlWorks() throws Exception {
        Path config = Files.writeString(work.resolve("application.properties"), "camel.main.dumpRoutes=yaml\n");
        Map<String, String> env = ServeProcess.environment(work, TestPassGate.freePort(), TestPassGate.freePort());
        try (ServeProcess serve = ServeProcess.start(work, env, "serve", "--config", config.toString(),
                "--data", work.resolve("data").toString())) {
            serve.await("PassGate started", 90);
            String output = serve.output();
            assertTrue(output.contains("id: daemon-logon") && output.contains("id: logon-authenticate"),
                    "the routes as YAML:\n" + output);
            serve.signal("TERM");
            assertTrue(serve.process.waitFor(30, TimeUnit.SECONDS));
        }
    }
}
