package dev.passgate.exit;

import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.testkit.Eventually;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exits written as YAML routes in the integrator's folder: the built-in routes step aside. */
class YamlExitRoutesTest {

    @TempDir
    Path data;
    @TempDir
    Path routes;


    @Test
    void aLoginExitRouteRefusesByHeaderAndSeesTheUxbItsNewSessionRouteMade() throws Exception {
        Files.writeString(routes.resolve("exits.camel.yaml"), """
                - route:
                    id: my-new-session-exit
                    startupOrder: 12
                    from:
                      uri: direct:exit-new-session
                      steps:
                        - setHeader:
                            name: PassGateExitUxb
                            constant: made-by-yaml
                - route:
                    id: my-login-exit
                    startupOrder: 13
                    from:
                      uri: direct:exit-login
                      steps:
                        - choice:
                            when:
                              - simple: "${header.PassGateUser} == 'MALLORY'"
                                steps:
                                  - setHeader:
                                      name: PassGateExitResult
                                      constant: FAIL
                              - simple: "${header.PassGateExitUxb} != 'made-by-yaml'"
                                steps:
                                  - throwException:
                                      exceptionType: java.lang.IllegalStateException
                                      message: the UXB was not handed over
                """);
        try (RunningPassGate pg = new RunningPassGate(data, Map.of(), routes)) {
            pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER MALLORY PASSWORD(Secret1) NOEXPIRED");
            assertTrue(pg.passGate.daemon().exits().active(), "exit routes count as an exit");
            assertEquals("EXIT_REJECTED", code(pg.logon("{\"op\":\"logon\",\"user\":\"MALLORY\",\"password\":\"Secret1\"}")));
            try (LineClient s = pg.session("JOE", "Secret1")) {
                assertEquals("JOE", s.request("{\"op\":\"whoami\"}").get("user").asText());
            }
            assertEquals(1, pg.context.getRoutes().stream()
                    .filter(r -> r.getEndpoint().getEndpointUri().equals("direct://exit-login")).count());
            assertTrue(pg.context.getRoute("exit-logout") != null, "the events not replaced keep their built-in routes");
        }
    }

    @Test
    void everyEventReachesItsYamlRouteWithTheBlocksHandedOver() throws Exception {
        StringBuilder yaml = new StringBuilder();
        int order = 10;
        for (ExitEventType type : ExitEventType.values()) {
            String event = type.routeName();
            yaml.append("""
                    - route:
                        id: yaml-exit-%s
                        startupOrder: %d
                        from:
                          uri: direct:exit-%s
                          steps:
                    """.formatted(event, order++, event));
            if (event.equals("init")) {
                yaml.append("""
                                - setHeader:
                                    name: PassGateExitGxb
                                    constant: G1
                        """);
            }
            if (event.equals("new-session")) {
                yaml.append("""
                                - setHeader:
                                    name: PassGateExitUxb
                                    simple: "U-${header.PassGateUser}"
                        """);
            }
            if (event.equals("file")) {
                yaml.append("""
                                - filter:
                                    simple: "${header.PassGatePath} contains 'secret'"
                                    steps:
                                      - setHeader:
                                          name: PassGateExitResult
                                          constant: FAIL
                        """);
            }
            yaml.append("""
                            - setBody:
                                simple: "%s ${header.PassGateUser} ${header.PassGateExitGxb} ${header.PassGateExitUxb} ${header.PassGateAccess} ${header.PassGatePath}"
                            - to: mock:exit-events
                    """.formatted(event));
        }
        Files.writeString(routes.resolve("all-exits.camel.yaml"), yaml.toString());
        java.util.List<String> seen;
        try (RunningPassGate pg = new RunningPassGate(data, Map.of(), routes)) {
            pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            var mock = pg.context.getEndpoint("mock:exit-events", org.apache.camel.component.mock.MockEndpoint.class);
            try (LineClient s = pg.session("JOE", "Secret1")) {
                assertEquals("EXIT_REJECTED", code(s.request("{\"op\":\"files.read\",\"path\":\"secret.txt\"}")));
                s.request("{\"op\":\"logout\"}");
            }
            Eventually.waitFor(() -> mock.getReceivedCounter() >= 5);
            pg.context.close(); // termination
            seen = mock.getReceivedExchanges().stream().map(e -> e.getMessage().getBody(String.class)).toList();
        }
        assertTrue(seen.get(0).startsWith("init"), seen.toString());
        assertTrue(seen.get(1).startsWith("new-session JOE G1"), "the GXB the init route set: " + seen);
        assertTrue(seen.stream().anyMatch(l -> l.startsWith("login JOE G1 U-JOE")), seen.toString());
        assertTrue(seen.stream().anyMatch(l -> l.startsWith("file JOE G1 U-JOE READ /u/joe/secret.txt")), seen.toString());
        assertTrue(seen.stream().anyMatch(l -> l.startsWith("logout JOE G1 U-JOE")), seen.toString());
        assertTrue(seen.get(seen.size() - 1).startsWith("termination  G1"), "termination gets the GXB back: " + seen);
    }

    @Test
    void theShippedOfficeHoursExampleRefusesOutsideItsHours() throws Exception {
        Files.copy(Path.of("config/examples/logon-hours.camel.yaml"), routes.resolve("logon-hours.camel.yaml"));
        // Hours that can never contain "now": from 24 to 24.
        try (RunningPassGate pg = new RunningPassGate(data, Map.of("passgate.examples.logon-hours.from", "24",
                "passgate.examples.logon-hours.to", "24"), routes)) {
            pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            var refused = pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}");
            assertEquals("EXIT_REJECTED", code(refused));
            assertEquals("logons are accepted from 24:00 to 24:00", refused.at("/error/message").asText(),
                    "the exit route's own message reaches the client");
        }
        Files.writeString(data.resolve("x"), "");
        try (RunningPassGate pg = new RunningPassGate(data.resolve("x2"), Map.of("passgate.examples.logon-hours.from", "0",
                "passgate.examples.logon-hours.to", "24"), routes)) {
            pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            assertEquals("OK", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")));
        }
    }
}
