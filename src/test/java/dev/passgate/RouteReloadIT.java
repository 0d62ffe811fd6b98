package dev.passgate;

import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.testkit.Eventually;
import dev.passgate.testkit.LineClient;
import dev.passgate.support.ServeProcess;
import dev.passgate.testkit.TestPassGate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camel's live reload on a running serve: changing an exit route file in the routes folder takes
 * effect without a restart, and PassGate's own routes keep running (health stays UP, sessions work).
 */
class RouteReloadIT {

    @TempDir
    Path work;

    private static String refusing(String user) {
        return """
                - route:
                    id: my-login-exit
                    from:
                      uri: direct:exit-login
                      steps:
                        - filter:
                            simple: "${header.PassGateUser} == '%s'"
                            steps:
                              - setHeader:
                                  name: PassGateExitResult
                                  constant: FAIL
                """.formatted(user);
    }

    private JsonNode logon(int port, String user) throws Exception {
        try (LineClient daemon = new LineClient(port)) {
            return daemon.request("{\"op\":\"logon\",\"user\":\"" + user + "\",\"password\":\"Secret1\"}");
        }
    }

    @Test
    void aChangedExitRouteTakesEffectWhileTheBuiltInRoutesKeepRunning() throws Exception {
        Path data = work.resolve("data");
        Path routes = Files.createDirectories(work.resolve("routes"));
        Path exit = routes.resolve("login-exit.camel.yaml");
        Files.writeString(exit, refusing("MALLORY"));
        int daemonPort = TestPassGate.freePort();
        int managementPort = TestPassGate.freePort();
        Map<String, String> env = ServeProcess.environment(work, daemonPort, managementPort);
        env.put("PASSGATE_ROUTES_DIR", routes.toString());
        Path config = work.resolve("application.properties");
        Files.writeString(config, "camel.main.routesReloadEnabled=true\n");
        try (ServeProcess serve = ServeProcess.start(work, env, "serve", "--config", config.toString(), "--data",
                data.toString())) {
            serve.await("PassGate started", 90);
            for (String user : List.of("JOE", "MALLORY")) {
                assertEquals(0, ServeProcess.run(work, env, "admin", "--data", data.toString(),
                        "ADDUSER " + user + " PASSWORD(Secret1) NOEXPIRED").getKey());
            }
            assertEquals("EXIT_REJECTED", code(logon(daemonPort, "MALLORY")));
            assertEquals("OK", code(logon(daemonPort, "JOE")));

            Files.writeString(exit, refusing("JOE"));
            Eventually.waitFor(Duration.ofSeconds(20), () -> {
                try {
                    return "EXIT_REJECTED".equals(code(logon(daemonPort, "JOE")));
                } catch (Exception e) {
                    return false;
                }
            });
            assertEquals("EXIT_REJECTED", code(logon(daemonPort, "JOE")), "the changed exit route runs: " + serve.output());
            JsonNode mallory = logon(daemonPort, "MALLORY");
            assertEquals("OK", code(mallory), "the new exit lets MALLORY in");
            try (LineClient session = new LineClient(mallory.get("port").asInt())) {
                assertTrue(session.request("{\"op\":\"connect\",\"clientId\":\"" + mallory.get("clientId").asText() + "\"}")
                        .path("ok").asBoolean(), "the session routes still run");
                assertEquals("OK", code(session.request("{\"op\":\"whoami\"}")));
            }
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/observe/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"status\": \"UP\"") || health.body().contains("\"status\":\"UP\""),
                    health.body());
            assertFalse(serve.output().contains("duplicate route id"), serve.output());
        }
    }
}
