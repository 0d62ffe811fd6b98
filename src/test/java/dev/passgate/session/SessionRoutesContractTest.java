package dev.passgate.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.PassGate;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.TestPassGate;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Processor;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session routes changed as an integrator changes them, by editing a copy of
 * {@code passgate/routes/session.camel.yaml}: a step taken out that a later step needs stops the start
 * naming both; a step of one's own put between two built-in ones runs, on a real node.
 */
class SessionRoutesContractTest {

    private static final List<String> SESSION_ROUTES = List.of("session-connect", "session-request", "session-timeout",
            "session-logout", "miner-files", "miner-tickets");

    @TempDir
    Path data;

    private static String builtIn() throws Exception {
        try (InputStream in = SessionRoutesContractTest.class.getResourceAsStream("/passgate/routes/session.camel.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private PassGate passGate;

    /** A node whose session routes are the given copy instead of the built-in file. */
    private DefaultCamelContext nodeWith(String sessionRoutes) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        passGate = TestPassGate.install(context, data, Map.of());
        ModelCamelContext model = context;
        model.removeRouteDefinitions(model.getRouteDefinitions().stream()
                .filter(r -> SESSION_ROUTES.contains(r.getRouteId())).toList());
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("my-session.camel.yaml", sessionRoutes));
        return context;
    }

    private static String without(String routes, String stepId) {
        String step = "        - process:\n            id: " + stepId + "\n";
        int at = routes.indexOf(step);
        assertTrue(at > 0, "the built-in route has step " + stepId);
        int next = routes.indexOf("\n        - ", at + step.length());
        int comment = routes.lastIndexOf("\n        #", next);
        int end = comment > at ? comment : next;
        return routes.substring(0, at) + routes.substring(end + 1);
    }

    @Test
    void takingOutTheStepThatStartsTheMinersStopsTheStartNamingTheStepThatNeedsThemAndWhoWritesThem() throws Exception {
        String copy = without(builtIn(), "connect-start-miners");
        try (DefaultCamelContext context = nodeWith(copy)) {
            Exception e = assertThrows(Exception.class, context::start);
            String message = messages(e);
            assertTrue(message.contains("route session-connect: step connect-create-session (createSession) needs "
                    + SessionKeys.MINERS_STARTED), message);
            assertTrue(message.contains("written by the step bean startMiners"), message);
        }
    }

    @Test
    void aStepPutBetweenTwoBuiltInStepsRunsForEveryConnect() throws Exception {
        String mine = "        - process:\n            id: site-count-sessions\n            ref: siteSessionCounter\n";
        String anchor = "        # The exits learn that the session took over";
        String copy = builtIn().replace(anchor, mine + anchor);
        assertTrue(copy.contains("site-count-sessions"));
        AtomicInteger connects = new AtomicInteger();
        try (DefaultCamelContext context = nodeWith(copy)) {
            context.getRegistry().bind("siteSessionCounter", (Processor) e -> {
                // Between register and started: the session is already one of the node's.
                Session s = SessionKeys.SESSION_KEY.get(e);
                if (s.channel() != null) {
                    connects.incrementAndGet();
                }
            });
            context.start();
            assertTrue(passGate.security().commands().execute("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "TEST").ok());
            JsonNode logon;
            try (LineClient daemon = new LineClient(Integer.parseInt(passGate.settings().string("passgate.daemon.port")))) {
                logon = daemon.request("{\"op\":\"logon\",\"user\":\"joe\",\"password\":\"Secret1\"}");
            }
            try (LineClient s = new LineClient(logon.get("port").asInt())) {
                JsonNode connected = s.request("{\"op\":\"connect\",\"clientId\":\"" + logon.get("clientId").asText() + "\"}");
                assertTrue(connected.get("ok").asBoolean(), connected.toString());
                assertEquals("JOE", s.request("{\"op\":\"whoami\"}").get("user").asText());
            }
            assertEquals(1, connects.get());
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
