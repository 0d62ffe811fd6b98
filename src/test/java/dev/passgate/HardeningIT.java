package dev.passgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.testkit.LineClient;
import dev.passgate.support.ServeProcess;
import dev.passgate.testkit.TestPassGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability and orderly shutdown of a real {@code serve} process: what it acknowledged
 * survives kill -9, SIGTERM logs every session out exactly once, and the next start logs
 * out only what a crash left.
 */
class HardeningIT {

    private static final String PASSWORD = "Secret1";

    @TempDir
    Path work;
    private Path data;
    private Map<String, String> env;
    private int daemonPort;

    @BeforeEach
    void node() throws Exception {
        data = work.resolve("data");
        daemonPort = TestPassGate.freePort();
        env = ServeProcess.environment(work, daemonPort, TestPassGate.freePort());
        // A YAML logout exit that says on the console for whom it ran, so a test can count its runs.
        Path routes = Files.createDirectories(work.resolve("routes"));
        Files.writeString(routes.resolve("logout-exit.camel.yaml"), """
                - route:
                    id: it-logout-exit
                    from:
                      uri: direct:exit-logout
                      steps:
                        - log: "LOGOUT-EXIT ${header.PassGateUser}"
                """);
        env.put("PASSGATE_ROUTES_DIR", routes.toString());
    }

    private ServeProcess serve() throws Exception {
        ServeProcess p = ServeProcess.start(work, env, "serve", "--data", data.toString());
        p.await("PassGate started", 90);
        return p;
    }

    private Map.Entry<Integer, String> cli(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args[0], "--data", data.toString()));
        all.addAll(List.of(args).subList(1, args.length));
        return ServeProcess.run(work, env, all.toArray(String[]::new));
    }

    private JsonNode logon(String user, String password) throws Exception {
        try (LineClient daemon = new LineClient(daemonPort)) {
            return daemon.request("{\"op\":\"logon\",\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
        }
    }

    private LineClient session(String user) throws Exception {
        JsonNode logon = logon(user, PASSWORD);
        assertTrue(logon.path("ok").asBoolean(), logon.toString());
        LineClient s = new LineClient(logon.get("port").asInt());
        JsonNode c = s.request("{\"op\":\"connect\",\"clientId\":\"" + logon.get("clientId").asText() + "\"}");
        assertTrue(c.path("ok").asBoolean(), c.toString());
        return s;
    }

    private static long count(String text, String needle) {
        return text.lines().filter(l -> l.contains(needle)).count();
    }

    @Test
    void killMinusNineLosesNothingThatWasAcknowledged() throws Exception {
        List<String> users = IntStream.rangeClosed(1, 400).mapToObj(i -> String.format("U%03d", i)).toList();
        Path file = work.resolve("users.racf");
        Files.write(file, users.stream().map(u -> "ADDUSER " + u + " PASSWORD(" + PASSWORD + ") NOEXPIRED").toList());
        List<LineClient> open = new ArrayList<>();
        try (ServeProcess first = serve()) {
            var added = cli("admin", "--file", file.toString());
            assertEquals(0, added.getKey(), added.getValue());
            assertEquals(400, count(added.getValue(), "defined"), "400 ADDUSERs acknowledged by the daemon");

            for (String u : users.subList(0, 5)) { // logged out, and told so
                try (LineClient s = session(u)) {
                    JsonNode bye = s.request("{\"op\":\"logout\"}");
                    assertTrue(bye.path("ok").asBoolean(), bye.toString());
                }
            }
            for (String u : users.subList(5, 10)) { // still logged on at the crash
                open.add(session(u));
            }
            for (int i = 0; i < 3; i++) { // refused, and told so
                assertEquals("AUTH_FAILED", LineClient.code(logon(users.get(10), "Wrong" + i)));
            }
            for (String u : users.subList(11, 14)) { // logged on, their clients not back yet
                assertTrue(logon(u, PASSWORD).path("ok").asBoolean());
            }
            open.add(session(users.get(14))); // connected the moment before the kill
            first.crash();
        } finally {
            for (LineClient s : open) {
                s.close();
            }
        }

        try (ServeProcess second = serve()) {
            var list = cli("admin", "LISTUSER *");
            for (String u : users) {
                assertTrue(list.getValue().contains("USER=" + u), u + " survived the kill");
            }
            String commands = cli("admin", "AUDIT EVENT=COMMAND LIMIT=2000").getValue();
            for (String u : users) {
                assertEquals(1, count(commands, "ADDUSER " + u + " "), "one COMMAND record for " + u);
            }
            for (String u : users.subList(0, 5)) {
                String trail = cli("admin", "AUDIT USER=" + u + " EVENT=LOGOUT").getValue();
                assertEquals(1, count(trail, "LOGOUT " + u + " LOGOUT"), trail);
                assertEquals(0, count(trail, "RESTART"), "a session that ended is not recovered again: " + trail);
            }
            List<String> leftByTheCrash = new ArrayList<>(users.subList(5, 10));
            leftByTheCrash.addAll(users.subList(11, 15));
            for (String u : leftByTheCrash) {
                String trail = cli("admin", "AUDIT USER=" + u + " EVENT=LOGOUT").getValue();
                assertEquals(1, count(trail, "LOGOUT " + u + " RESTART"), "what the crash left is logged out: " + trail);
                assertEquals(1, count(second.output(), "LOGOUT-EXIT " + u), "its logout exit ran once at the start");
            }
            String failed = cli("admin", "AUDIT USER=" + users.get(10) + " EVENT=VERIFY").getValue();
            assertEquals(3, count(failed, "AUTH_FAILED"), failed);
            second.signal("TERM");
            assertTrue(second.process.waitFor(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void sigtermLogsEverySessionOutOnceQuietlyAndTheNextStartHasNothingToRecover() throws Exception {
        List<String> users = List.of("ANN", "BOB", "CAT", "DAN", "EVE");
        List<LineClient> open = new ArrayList<>();
        String output;
        try (ServeProcess first = serve()) {
            for (String u : users) {
                assertEquals(0, cli("admin", "ADDUSER " + u + " PASSWORD(" + PASSWORD + ") NOEXPIRED").getKey());
                open.add(session(u));
            }
            first.signal("TERM");
            assertTrue(first.process.waitFor(30, TimeUnit.SECONDS), "serve stops within 30 s of SIGTERM");
            first.await("PassGate stopped", 5);
            output = first.output();
        } finally {
            for (LineClient s : open) {
                s.close();
            }
        }
        for (String u : users) {
            assertEquals(1, count(output, "LOGOUT-EXIT " + u), "one logout exit for " + u + ":\n" + output);
        }
        assertFalse(output.contains("\tat ") || output.contains("Exception"), "no stack trace on SIGTERM:\n" + output);

        try (ServeProcess second = serve()) {
            for (String u : users) {
                String trail = cli("admin", "AUDIT USER=" + u + " EVENT=LOGOUT").getValue();
                assertEquals(1, count(trail, "LOGOUT " + u + " SHUTDOWN"), trail);
                assertEquals(0, count(trail, "RESTART"), "nothing was left to recover: " + trail);
            }
            assertFalse(second.output().contains("LOGOUT-EXIT"), "no logout exit at the next start");
            second.signal("TERM");
            assertTrue(second.process.waitFor(30, TimeUnit.SECONDS));
        }
    }
}
