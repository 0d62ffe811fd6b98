package dev.passgate.exit;

import dev.passgate.security.AuditEvent;
import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which built-in exit routes step aside is read from the loaded routes, whatever the route
 * file's language, key order or comments.
 */
class ExitRouteReplacementTest {

    @TempDir
    Path data;
    @TempDir
    Path routes;

    private static final String REFUSE_MALLORY_YAML = """
            - route:
                id: my-login-exit
                from:
                  id: my-login-exit-input
                  uri: direct:exit-login
                  steps:
                    - filter:
                        simple: "${header.PassGateUser} == 'MALLORY'"
                        steps:
                          - setHeader:
                              name: PassGateExitResult
                              constant: FAIL
            """;

    private static long consumers(RunningPassGate pg, ExitEventType event) {
        return pg.context.getRoutes().stream()
                .filter(r -> r.getEndpoint().getEndpointUri().equals("direct://exit-" + event.routeName())).count();
    }

    private static void users(RunningPassGate pg) {
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER MALLORY PASSWORD(Secret1) NOEXPIRED");
    }

    @Test
    void aYamlRouteWithIdBeforeUriReplacesTheBuiltInRoute() throws Exception {
        Files.writeString(routes.resolve("login-exit.camel.yaml"), REFUSE_MALLORY_YAML);
        try (RunningPassGate pg = new RunningPassGate(data, Map.of(), routes)) {
            users(pg);
            assertNull(pg.context.getRoute(ExitEventType.LOGIN.routeId()), "the built-in login exit route stepped aside");
            assertEquals(1, consumers(pg, ExitEventType.LOGIN));
            assertTrue(pg.passGate.daemon().exits().active(), "an exit route counts as an exit");
            assertEquals("EXIT_REJECTED", code(pg.logon("{\"op\":\"logon\",\"user\":\"MALLORY\",\"password\":\"Secret1\"}")));
            assertEquals("OK", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")));
        }
    }

    @Test
    void aCommentNamingAnExitEndpointReplacesNothing() throws Exception {
        Files.writeString(routes.resolve("unrelated.camel.yaml"), """
                # Not an exit; one day we might write:   from: direct:exit-file
                #   from:
                #     uri: direct:exit-file
                - route:
                    id: unrelated
                    from:
                      uri: direct:unrelated
                      steps:
                        - log: "from: direct:exit-file is only text here"
                """);
        try (RunningPassGate pg = new RunningPassGate(data, Map.of("passgate.exit.timeout", "2"), routes)) {
            users(pg);
            assertNotNull(pg.context.getRoute(ExitEventType.FILE.routeId()), "the built-in file exit route is there");
            assertTrue(!pg.passGate.daemon().exits().active(), "no exit exists");
            try (LineClient s = pg.session("JOE", "Secret1")) {
                assertEquals("OK", code(s.request("{\"op\":\"files.write\",\"path\":\"a.txt\",\"content\":\"x\"}")));
                assertEquals("OK", code(s.request("{\"op\":\"files.list\",\"path\":\"/u/joe\"}")));
            }
        }
    }

    @Test
    void anXmlRouteReplacesTheBuiltInRoute() throws Exception {
        Files.writeString(routes.resolve("login-exit.xml"), """
                <routes xmlns="http://camel.apache.org/schema/spring">
                  <!-- <from uri="direct:exit-file"/> in a comment changes nothing -->
                  <route id="xml-login-exit">
                    <from uri="direct:exit-login"/>
                    <filter>
                      <simple>${header.PassGateUser} == 'MALLORY'</simple>
                      <setHeader name="PassGateExitResult"><constant>DISCONNECT</constant></setHeader>
                    </filter>
                  </route>
                </routes>
                """);
        try (RunningPassGate pg = new RunningPassGate(data, Map.of(), routes)) {
            users(pg);
            assertNull(pg.context.getRoute(ExitEventType.LOGIN.routeId()));
            assertNotNull(pg.context.getRoute(ExitEventType.FILE.routeId()), "only the login exit was replaced");
            try (LineClient daemon = new LineClient(pg.daemonPort)) {
                assertEquals("EXIT_REJECTED", code(daemon.request("{\"op\":\"logon\",\"user\":\"MALLORY\",\"password\":\"Secret1\"}")));
                assertTrue(daemon.closedByServer(), "DISCONNECT closes the connection after the error reply");
            }
            assertEquals("OK", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")));
        }
    }

    @Test
    void anIntegratorRouteUsingTheExitErrorConfigurationFailsItsRequestAsAnAuditedFault() throws Exception {
        Files.writeString(routes.resolve("throwing-exit.camel.yaml"), """
                - route:
                    id: my-throwing-login-exit
                    routeConfigurationId: passgate-exit-errors
                    from:
                      uri: direct:exit-login
                      steps:
                        - filter:
                            simple: "${header.PassGateUser} == 'MALLORY'"
                            steps:
                              - throwException:
                                  exceptionType: java.lang.IllegalArgumentException
                                  message: an exit bug
                """);
        try (RunningPassGate pg = new RunningPassGate(data, Map.of(), routes)) {
            users(pg);
            assertEquals("EXIT_REJECTED", code(pg.logon("{\"op\":\"logon\",\"user\":\"MALLORY\",\"password\":\"Secret1\"}")));
            var faults = pg.passGate.security().audit().query("MALLORY", AuditEvent.EXIT_FAULT, 10);
            assertEquals(1, faults.size(), faults.toString());
            assertEquals("OK", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")));
        }
    }
}
