package dev.passgate.daemon;

import dev.passgate.security.AuditEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.PassGate;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.TestPassGate;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole flow on real sockets: logon on the daemon port, reconnect with the client ID, requests, logout. */
class LogonEndToEndTest {

    @TempDir
    Path data;
    private CamelContext context;
    private PassGate passGate;
    private int daemonPort;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        passGate = TestPassGate.install(context, data, Map.of());
        context.start();
        daemonPort = Integer.parseInt(passGate.settings().string("passgate.daemon.port"));
        admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    private void admin(String command) {
        var r = passGate.security().commands().execute(command, "TEST");
        assertTrue(r.ok(), r.lines().toString());
    }

    @Test
    void passwordLogonReconnectWhoamiAndLogout() throws Exception {
        JsonNode logon;
        try (LineClient daemon = new LineClient(daemonPort)) {
            logon = daemon.request("{\"op\":\"logon\",\"id\":1,\"user\":\"joe\",\"password\":\"Secret1\"}");
            assertTrue(daemon.closedByServer(), "the daemon closes after a successful logon");
        }
        assertTrue(logon.get("ok").asBoolean(), logon.toString());
        assertEquals(1, logon.get("id").asInt());
        assertEquals("JOE", logon.get("user").asText());
        assertTrue(logon.get("clientId").asText().length() >= 22);
        assertEquals(30, logon.get("expiresIn").asInt());

        try (LineClient session = new LineClient(logon.get("port").asInt())) {
            JsonNode connected = session.request("{\"op\":\"connect\",\"clientId\":\"" + logon.get("clientId").asText() + "\"}");
            assertTrue(connected.get("ok").asBoolean(), connected.toString());
            assertEquals("JOE", connected.get("user").asText());
            assertEquals("[\"files\",\"jobs\",\"tickets\"]", connected.get("miners").toString());

            JsonNode who = session.request("{\"op\":\"whoami\",\"id\":\"w\"}");
            assertEquals("w", who.get("id").asText());
            assertEquals("JOE", who.get("user").asText());
            assertEquals(connected.get("session").asText(), who.get("session").asText());
            assertEquals(logon.get("pool").asInt(), who.get("pool").asInt());

            JsonNode bye = session.request("{\"op\":\"logout\"}");
            assertTrue(bye.get("ok").asBoolean());
            assertTrue(session.closedByServer());
        }
        assertEquals(0, passGate.daemon().sessions().size());
    }

    @Test
    void theSessionEnvironmentComesFromAPassTicketNotThePassword() throws Exception {
        JsonNode logon = logon("JOE", "Secret1");
        try (LineClient session = connect(logon)) {
            assertNotNull(session);
        }
        var verifies = passGate.security().audit().query("JOE", AuditEvent.VERIFY, 20);
        long passwordChecks = verifies.stream().filter(e -> e.detail().startsWith("PASSWORD")).count();
        long ticketChecks = verifies.stream().filter(e -> e.detail().startsWith("PASSTICKET")).count();
        assertEquals(1, passwordChecks, "one logon costs exactly one password check");
        assertEquals(0, ticketChecks, "PassGate's own tickets are not audited as logons");
        var built = passGate.security().audit().query("JOE", AuditEvent.SESSION_ENVIRONMENTS, 20);
        assertEquals(1, built.size(), "one record per connect: " + built);
        assertEquals("SUCCESS", built.get(0).outcome());
        assertTrue(built.get(0).detail().matches("session and miners \\w+(, \\w+)+, each from a fresh PassTicket for \\w+"),
                "the session and each miner run on PassTickets: " + built.get(0).detail());
    }

    @Test
    void aWrongPasswordGetsAuthFailedAndTheConnectionStaysOpenForAnotherTry() throws Exception {
        try (LineClient daemon = new LineClient(daemonPort)) {
            JsonNode wrong = daemon.request("{\"op\":\"logon\",\"id\":7,\"user\":\"JOE\",\"password\":\"nope\"}");
            assertFalse(wrong.get("ok").asBoolean());
            assertEquals(7, wrong.get("id").asInt());
            assertEquals("AUTH_FAILED", wrong.at("/error/code").asText());
            JsonNode unknown = daemon.request("{\"op\":\"logon\",\"user\":\"NOBODY\",\"password\":\"nope\"}");
            assertEquals(wrong.at("/error/message"), unknown.at("/error/message"), "one message for every bad credential");
            JsonNode right = daemon.request("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}");
            assertTrue(right.get("ok").asBoolean(), right.toString());
        }
    }

    @Test
    void afterThreeFailedAttemptsTheConnectionIsClosed() throws Exception {
        try (LineClient daemon = new LineClient(daemonPort)) {
            for (int i = 0; i < 3; i++) {
                assertEquals("AUTH_FAILED", daemon.request("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"x\"}")
                        .at("/error/code").asText());
            }
            assertTrue(daemon.closedByServer());
        }
    }

    JsonNode logon(String user, String password) throws Exception {
        try (LineClient daemon = new LineClient(daemonPort)) {
            JsonNode r = daemon.request("{\"op\":\"logon\",\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
            assertTrue(r.get("ok").asBoolean(), r.toString());
            return r;
        }
    }

    LineClient connect(JsonNode logon) throws Exception {
        LineClient session = new LineClient(logon.get("port").asInt());
        JsonNode c = session.request("{\"op\":\"connect\",\"clientId\":\"" + logon.get("clientId").asText() + "\"}");
        assertTrue(c.get("ok").asBoolean(), c.toString());
        return session;
    }
}
