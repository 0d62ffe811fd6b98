package dev.passgate.daemon;

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
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An integrator edits a copy of passgate/routes/daemon.camel.yaml: a removed step that a later one needs
 * stops start-up with a message naming both; an inserted step runs in a real logon.
 */
class LogonRouteContractsTest {

    @TempDir
    Path data;

    private static String builtInRoute() throws Exception {
        try (InputStream in = LogonRouteContractsTest.class.getResourceAsStream("/passgate/routes/daemon.camel.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The built-in daemon-logon route replaced by the given text, before the context starts. */
    private static PassGate installWith(CamelContext context, Path data, String route) throws Exception {
        PassGate passGate = TestPassGate.install(context, data, Map.of());
        ModelCamelContext model = (ModelCamelContext) context;
        model.removeRouteDefinition(model.getRouteDefinition("daemon-logon"));
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("daemon-copy.camel.yaml", route));
        return passGate;
    }

    private static String without(String route, String stepId) {
        String block = "        - process:\n            id: " + stepId + "\n";
        int at = route.indexOf(block);
        assertTrue(at > 0, "the built-in route has step " + stepId);
        int next = route.indexOf("\n        - ", at + block.length());
        int comment = route.lastIndexOf("\n        #", next);
        return route.substring(0, at) + route.substring((comment > at ? comment : next) + 1);
    }

    @Test
    void removingThePoolStepStopsStartNamingTheStepThatNeedsItsLease() throws Exception {
        String route = without(builtInRoute(), "logon-select-thread-pool");
        try (CamelContext context = new DefaultCamelContext()) {
            installWith(context, data, route);
            Exception e = assertThrows(Exception.class, context::start);
            String message = messages(e);
            assertTrue(message.contains("step logon-bind-port (bindPort) needs PassGateLogonLease"), message);
            assertTrue(message.contains("written by the step bean selectThreadPool"), message);
        }
    }

    @Test
    void removingTheParseStepStopsStartNamingTheFirstStepThatNeedsTheRequest() throws Exception {
        // The parse step writes what every later step starts from: without it nothing can run.
        String route = without(builtInRoute(), "logon-parse");
        try (CamelContext context = new DefaultCamelContext()) {
            installWith(context, data, route);
            String message = messages(assertThrows(Exception.class, context::start));
            assertTrue(message.contains("step logon-rate-limit (logonRateLimit) needs PassGateLogonRequest"), message);
            assertTrue(message.contains("written by the step bean parseLogon"), message);
        }
    }

    @Test
    void aStepInsertedBetweenTwoBuiltInStepsRunsInARealLogon() throws Exception {
        String route = builtInRoute();
        String before = "        - process:\n            id: logon-select-thread-pool\n";
        assertTrue(route.contains(before));
        route = route.replace(before, "        - to:\n            id: logon-audit-copy\n            uri: mock:between\n" + before);
        try (CamelContext context = new DefaultCamelContext()) {
            PassGate passGate = installWith(context, data, route);
            context.start();
            assertTrue(passGate.security().commands().execute("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "TEST").ok());
            MockEndpoint between = context.getEndpoint("mock:between", MockEndpoint.class);
            between.expectedMessageCount(1);
            int port = Integer.parseInt(passGate.settings().string("passgate.daemon.port"));
            try (LineClient daemon = new LineClient(port)) {
                JsonNode r = daemon.request("{\"op\":\"logon\",\"user\":\"joe\",\"password\":\"Secret1\"}");
                assertTrue(r.get("ok").asBoolean(), r.toString());
                assertEquals("JOE", r.get("user").asText());
            }
            between.assertIsSatisfied();
            LogonUser seen = between.getExchanges().get(0).getProperty(LogonKeys.USER.name(), LogonUser.class);
            assertEquals("JOE", seen.user());
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
