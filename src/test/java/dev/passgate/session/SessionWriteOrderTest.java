package dev.passgate.session;

import dev.passgate.security.AuditEvent;
import static dev.passgate.testkit.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything a session's client is sent goes out in the session's order: an operator's message,
 * a cancel, an end from outside and a LINE_TOO_LONG answer all wait for the reply of the request
 * that is running, and nothing is written after the end. A "slow" miner holds a request until
 * the test lets it go.
 */
class SessionWriteOrderTest {

    @TempDir
    Path data;

    private RunningPassGate pg;
    private CountDownLatch entered;
    private CountDownLatch release;

    @BeforeEach
    void start() throws Exception {
        pg = new RunningPassGate(data, Map.of("passgate.miners", "files,tickets,slow",
                "passgate.protocol.max-line-bytes", "1024"));
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        pg.context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:miner-slow").process(e -> {
                    entered.countDown();
                    assertTrue(release.await(20, TimeUnit.SECONDS), "the test let the request go");
                    e.getMessage().setBody(Map.of("slow", true));
                });
            }
        });
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        pg.close();
    }

    /** A request is running on the session when this returns. */
    private LineClient sessionBusyWithRequest1() throws Exception {
        LineClient s = pg.session("JOE", "Secret1");
        s.send("{\"id\":1,\"op\":\"slow.wait\"}");
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the request reached the miner");
        return s;
    }

    private String operator(String command) throws Exception {
        var name = new ObjectName("dev.passgate:type=Operator,context=" + ObjectName.quote(pg.context.getName()));
        return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(name, "execute",
                new Object[] {command}, new String[] {String.class.getName()}));
    }

    private static void assertReplyTo(int id, JsonNode line) {
        assertEquals(id, line.path("id").asInt(-1), "the reply to request " + id + " comes first: " + line);
        assertTrue(line.get("ok").asBoolean(), line.toString());
    }

    @Test
    void anOperatorMessageFollowsTheReplyOfTheRequestInFlight() throws Exception {
        try (LineClient s = sessionBusyWithRequest1()) {
            assertTrue(operator("SEND 'maintenance at 18:00' USER=JOE").startsWith("RC=0"));
            release.countDown();
            assertReplyTo(1, s.read());
            JsonNode event = s.read();
            assertEquals("message", event.get("event").asText(), event.toString());
            assertEquals("maintenance at 18:00", event.get("text").asText());
            assertReplyTo(2, s.request("{\"id\":2,\"op\":\"whoami\"}"));
        }
    }

    @Test
    void manyMessagesBetweenPipelinedRequestsArriveWholeAndInOrder() throws Exception {
        try (LineClient s = sessionBusyWithRequest1()) {
            for (int i = 2; i <= 20; i++) {
                s.send("{\"id\":" + i + ",\"op\":\"whoami\"}");
            }
            for (int i = 0; i < 10; i++) {
                assertTrue(operator("SEND 'note " + i + "'").startsWith("RC=0"));
            }
            release.countDown();
            int nextReply = 1;
            int nextNote = 0;
            while (nextReply <= 20 || nextNote < 10) {
                JsonNode line = s.read(); // a line broken by another would not parse
                if (line.has("event")) {
                    assertEquals("note " + nextNote++, line.get("text").asText());
                } else {
                    assertEquals(nextReply++, line.get("id").asInt(), "replies keep the requests' order");
                }
            }
        }
    }

    @Test
    void aMessageSentWhileTheSessionIsStillConnectingFollowsTheConnectReply() throws Exception {
        CountDownLatch connecting = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        // Hold the connect after the session is registered (the operator can see it), before its reply.
        AdviceWith.adviceWith(pg.context, "session-connect", a -> a.weaveById("connect-reply").before().process(e -> {
            connecting.countDown();
            assertTrue(goOn.await(20, TimeUnit.SECONDS));
        }));
        JsonNode logon = pg.logon("JOE", "Secret1");
        try (LineClient s = new LineClient(logon.get("port").asInt())) {
            s.send("{\"op\":\"connect\",\"clientId\":\"" + logon.get("clientId").asText() + "\"}");
            assertTrue(connecting.await(10, TimeUnit.SECONDS));
            assertTrue(operator("SEND 'welcome' USER=JOE").startsWith("RC=0"));
            goOn.countDown();
            JsonNode first = s.read();
            assertTrue(first.path("ok").asBoolean() && first.has("session"), "the connect reply comes first: " + first);
            assertEquals("welcome", s.read().get("text").asText());
            assertEquals("JOE", s.request("{\"op\":\"whoami\"}").get("user").asText());
        } finally {
            goOn.countDown();
        }
    }

    @Test
    void aCancelDuringARequestComesAfterItsReplyAndEndsTheSession() throws Exception {
        try (LineClient s = sessionBusyWithRequest1()) {
            assertTrue(operator("CANCEL USER=JOE").startsWith("RC=0"));
            release.countDown();
            assertReplyTo(1, s.read());
            assertEquals("cancelled", s.read().get("event").asText());
            assertTrue(s.closedByServer());
        }
        waitFor(() -> !pg.passGate.security().audit().query("JOE", AuditEvent.LOGOUT, 1).isEmpty());
        assertEquals("CANCELLED", pg.passGate.security().audit().query("JOE", AuditEvent.LOGOUT, 1).get(0).outcome());
    }

    @Test
    void aSessionEndedFromOutsideStillAnswersTheRunningRequestBeforeItsLastLine() throws Exception {
        try (LineClient s = sessionBusyWithRequest1()) {
            SessionRegistry sessions = pg.passGate.daemon().sessions();
            Session session = sessions.ofUser("JOE").get(0);
            assertTrue(sessions.end(session, "{\"event\":\"shutdown\"}"));
            release.countDown();
            assertReplyTo(1, s.read());
            assertEquals("shutdown", s.read().get("event").asText());
            assertTrue(s.closedByServer());
        }
    }

    @Test
    void aLineTooLongIsAnsweredAfterTheRunningRequestThenTheSessionEnds() throws Exception {
        try (LineClient s = sessionBusyWithRequest1()) {
            s.send("{\"op\":\"whoami\",\"pad\":\"" + "x".repeat(2000) + "\"}");
            s.send("{\"id\":3,\"op\":\"whoami\"}"); // after the oversized line: never read
            release.countDown();
            assertReplyTo(1, s.read());
            assertEquals("LINE_TOO_LONG", LineClient.code(s.read()));
            assertTrue(s.closedByServer());
        }
        waitFor(() -> pg.passGate.daemon().sessions().size() == 0);
        waitFor(() -> !pg.passGate.security().audit().query("JOE", AuditEvent.LOGOUT, 1).isEmpty());
        assertEquals("DISCONNECTED", pg.passGate.security().audit().query("JOE", AuditEvent.LOGOUT, 1).get(0).outcome());
    }
}
