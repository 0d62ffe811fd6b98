package dev.passgate.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.session.Session;
import dev.passgate.session.SessionKeys;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.Processor;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in routes changed the way an integrator changes them: AdviceWith on the route
 * ids and step ids of passgate/routes/daemon.camel.yaml and passgate/routes/session.camel.yaml.
 */
class DaemonRoutesAdviceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    private RunningPassGate pg;

    @BeforeEach
    void start() throws Exception {
        pg = new RunningPassGate(data, Map.of());
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER MALLORY PASSWORD(Secret1) NOEXPIRED");
    }

    @AfterEach
    void stop() throws Exception {
        pg.close();
    }

    @Test
    void daemonLogonAStepInsertedBeforeAuthenticationRejectsAUser() throws Exception {
        AdviceWith.adviceWith(pg.context, "daemon-logon", a -> {
            a.replaceFromWith("direct:logon"); // drive the route without a socket
            a.weaveById("logon-authenticate").before().process(e -> {
                if ("MALLORY".equalsIgnoreCase(LogonKeys.REQUEST.get(e).request().requiredText("user"))) {
                    throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "not here, Mallory");
                }
            });
        });
        JsonNode refused = JSON.readTree(pg.context.createProducerTemplate().requestBody("direct:logon",
                "{\"op\":\"logon\",\"user\":\"mallory\",\"password\":\"Secret1\"}", String.class));
        assertEquals("NOT_AUTHORIZED", refused.at("/error/code").asText());
        assertEquals("not here, Mallory", refused.at("/error/message").asText());
        JsonNode joe = JSON.readTree(pg.context.createProducerTemplate().requestBody("direct:logon",
                "{\"op\":\"logon\",\"user\":\"joe\",\"password\":\"Secret1\"}", String.class));
        assertTrue(joe.get("ok").asBoolean(), joe.toString());
    }

    @Test
    void daemonLogonTheAuthenticateStepCanBeReplaced() throws Exception {
        Processor original = pg.context.getRegistry().lookupByNameAndType("authenticate", Processor.class);
        AdviceWith.adviceWith(pg.context, "daemon-logon", a -> a.weaveById("logon-authenticate").replace().process(e -> {
            // An installation rule: logons only from loopback, then the usual check.
            if (!LogonKeys.REQUEST.get(e).address().startsWith("127.")) {
                throw new ProtocolException(ErrorCode.NOT_AUTHORIZED);
            }
            original.process(e);
        }));
        assertTrue(pg.logon("JOE", "Secret1").get("ok").asBoolean());
    }

    @Test
    void sessionConnectAnInsertedStepCanRefuseTheSession() throws Exception {
        AdviceWith.adviceWith(pg.context, "session-connect", a -> a.weaveById("connect-start-miners").before().process(e -> {
            var pending = e.getProperty(SessionKeys.PENDING, dev.passgate.session.PendingSession.class);
            if (pending.environment().user().equals("MALLORY")) {
                throw new ProtocolException(ErrorCode.EXIT_REJECTED, "sessions for MALLORY are closed");
            }
        }));
        JsonNode logon = pg.logon("MALLORY", "Secret1");
        try (LineClient s = new LineClient(logon.get("port").asInt())) {
            JsonNode r = s.request("{\"op\":\"connect\",\"clientId\":\"" + logon.get("clientId").asText() + "\"}");
            assertEquals("EXIT_REJECTED", r.at("/error/code").asText());
        }
        try (LineClient joe = pg.session("JOE", "Secret1")) {
            assertEquals("JOE", joe.request("{\"op\":\"whoami\"}").get("user").asText());
        }
    }

    @Test
    void sessionRequestEveryRequestCanBeObserved() throws Exception {
        AdviceWith.adviceWith(pg.context, "session-request", a -> a.weaveById("request-touch").after().to("mock:requests"));
        MockEndpoint requests = pg.context.getEndpoint("mock:requests", MockEndpoint.class);
        requests.expectedMessageCount(2);
        try (LineClient s = pg.session("JOE", "Secret1")) {
            s.request("{\"op\":\"whoami\"}");
            s.request("{\"op\":\"files.list\",\"path\":\"/u/joe\"}");
        }
        requests.assertIsSatisfied();
        assertEquals("JOE", requests.getExchanges().get(0).getProperty(SessionKeys.SESSION, Session.class).user());
    }

    @Test
    void aFailingMinerGivesServerErrorWithoutItsDetailsAndTheSessionGoesOn() throws Exception {
        AdviceWith.adviceWith(pg.context, "miner-files", a -> a.weaveAddFirst().process(e -> {
            throw new IllegalStateException("internal detail 42");
        }));
        try (LineClient s = pg.session("JOE", "Secret1")) {
            JsonNode r = s.request("{\"op\":\"files.list\",\"path\":\"/u/joe\",\"id\":9}");
            assertEquals("SERVER_ERROR", r.at("/error/code").asText());
            assertEquals(9, r.get("id").asInt());
            assertTrue(!r.toString().contains("internal detail"), r.toString());
            assertEquals("JOE", s.request("{\"op\":\"whoami\"}").get("user").asText());
        }
    }

    @Test
    void sessionLogoutSeesEveryEndWithItsReason() throws Exception {
        AdviceWith.adviceWith(pg.context, "session-logout", a -> a.weaveAddFirst().to("mock:logouts"));
        MockEndpoint logouts = pg.context.getEndpoint("mock:logouts", MockEndpoint.class);
        logouts.expectedMessageCount(1);
        logouts.expectedPropertyReceived(SessionKeys.REASON, dev.passgate.session.SessionEndReason.LOGOUT);
        try (LineClient s = pg.session("JOE", "Secret1")) {
            s.request("{\"op\":\"logout\"}");
        }
        logouts.assertIsSatisfied();
    }
}
