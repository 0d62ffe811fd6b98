package dev.passgate.flow;

import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An integrator changes one step of a built-in route from a file in the routes folder, writing
 * only the change: steps before or after it, a replacement, or a drop.
 */
class StepChangesTest {

    @TempDir
    Path data;
    @TempDir
    Path routes;

    private static final String SEEN_BEAN = """
            - beans:
                - name: seenUsers
                  type: dev.passgate.flow.SeenUsers
            """;

    private static final String JOE = "{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}";

    private RunningPassGate start(String yaml) throws Exception {
        Files.writeString(routes.resolve("change.camel.yaml"), yaml);
        RunningPassGate pg = new RunningPassGate(data, Map.of("passgate.logon.max-failures-per-minute", "1"), routes);
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
        return pg;
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append(" | ");
        }
        return b.toString();
    }

    @Test
    void stepsAddedBeforeAndAfterAStepRunInPlace() throws Exception {
        try (RunningPassGate pg = start(SEEN_BEAN + """
                - route:
                    from:
                      uri: passgate:before:logon-authenticate
                      steps:
                        - process:
                            ref: seenUsers
                - route:
                    from:
                      uri: passgate:after:logon-reply
                      steps:
                        - log:
                            message: "logon answered"
                """)) {
            assertEquals("OK", code(pg.logon(JOE)));
            SeenUsers seen = pg.context.getRegistry().lookupByNameAndType("seenUsers", SeenUsers.class);
            assertEquals(List.of("JOE"), seen.users);
            List<String> ids = pg.context.getRoutes().stream().map(r -> r.getRouteId()).toList();
            assertTrue(ids.stream().noneMatch(id -> pg.context.getRoute(id).getEndpoint().getEndpointUri()
                    .startsWith("passgate:")), "a change is woven in, it does not run as a route: " + ids);
        }
    }

    @Test
    void aReplacedStepNoLongerRuns() throws Exception {
        // Without the APPL check, a user with no READ on APPL PASSGATE gets in.
        try (RunningPassGate pg = start(SEEN_BEAN + """
                - route:
                    from:
                      uri: passgate:replace:logon-authorize-applid
                      steps:
                        - process:
                            ref: seenUsers
                """)) {
            pg.admin("RDEFINE APPL PASSGATE UACC(NONE)", "SETROPTS CLASSACT(APPL) RACLIST(APPL) REFRESH");
            assertEquals("OK", code(pg.logon(JOE)));
            assertEquals(List.of("JOE"), pg.context.getRegistry().lookupByNameAndType("seenUsers", SeenUsers.class).users);
        }
    }

    @Test
    void aDroppedOptionalStepIsGone() throws Exception {
        try (RunningPassGate pg = start("""
                - route:
                    from:
                      uri: passgate:drop:logon-rate-limit
                """)) {
            String bad = "{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"wrong\"}";
            for (int i = 0; i < 3; i++) {
                assertEquals("AUTH_FAILED", code(pg.logon(bad)), "attempt " + i + ": no failure budget any more");
            }
        }
    }

    @Test
    void droppingAStepALaterOneNeedsStopsStartNamingTheInput() {
        Exception e = assertThrows(Exception.class, () -> start("""
                - route:
                    from:
                      uri: passgate:drop:logon-claim
                """).close());
        String m = messages(e);
        assertTrue(m.contains("PassGateExitSubject") && m.contains("logon-exit-new-session"), m);
    }

    @Test
    void aChangeOfAStepThatDoesNotExistStopsStartNamingTheFile() {
        Exception e = assertThrows(Exception.class, () -> start("""
                - route:
                    from:
                      uri: passgate:before:logon-authentcate
                      steps:
                        - log: "typo"
                """).close());
        String m = messages(e);
        assertTrue(m.contains("change.camel.yaml") && m.contains("logon-authentcate") && m.contains("names no step"), m);
    }
}
