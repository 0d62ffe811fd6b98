package dev.passgate.exit;

import dev.passgate.security.AuditEvent;
import static dev.passgate.testkit.LineClient.code;
import static dev.passgate.testkit.Eventually.waitFor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every exit event through a Java exit named in passgate.exit.class, with the GXB and UXB handed over. */
class JavaLoginExitTest {

    @TempDir
    Path data;

    private RunningPassGate start(Map<String, String> extra) throws Exception {
        return start(RecordingExit.class, extra);
    }

    private RunningPassGate start(Class<? extends RecordingExit> exit, Map<String, String> extra) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("passgate.exit.class", exit.getName(),
                "passgate.exit.timeout", "1"));
        settings.putAll(extra);
        RunningPassGate pg = new RunningPassGate(data, settings);
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER REFUSED PASSWORD(Secret1) NOEXPIRED",
                "ADDUSER THROWER PASSWORD(Secret1) NOEXPIRED", "ADDUSER SLOWPOKE PASSWORD(Secret1) NOEXPIRED");
        return pg;
    }


    @Test
    void theLifecycleRunsInOrderWithTheBlocksHandedOver() throws Exception {
        List<String> events;
        try (RunningPassGate pg = start(Map.of())) {
            events = RecordingExit.of(pg).events();
            try (LineClient a = pg.session("JOE", "Secret1"); LineClient b = pg.session("JOE", "Secret1")) {
                assertEquals("OK", code(a.request("{\"op\":\"files.list\",\"path\":\"/u/joe\"}")));
                assertEquals("UXB-JOE", pg.passGate.daemon().exits().uxb("JOE", "127.0.0.1"));
                a.request("{\"op\":\"logout\"}");
                waitFor(() -> events.stream().anyMatch(e -> e.startsWith("logout")));
                assertEquals("UXB-JOE", pg.passGate.daemon().exits().uxb("JOE", "127.0.0.1"),
                        "the UXB stays while the combination has a session");
                b.request("{\"op\":\"logout\"}");
                waitFor(() -> pg.passGate.daemon().exits().uxb("JOE", "127.0.0.1") == null); // released with the last session
                assertEquals(2, events.stream().filter(e -> e.startsWith("logout")).count());
            }
        }
        assertEquals("init", events.get(0));
        assertEquals("new-session JOE gxb=GXB-1", events.get(1));
        assertEquals("login JOE gxb=GXB-1 uxb=UXB-JOE", events.get(2));
        assertEquals(1, events.stream().filter(e -> e.startsWith("new-session")).count(), "one new session per combination");
        assertEquals(2, events.stream().filter(e -> e.startsWith("login")).count(), "login on every logon");
        assertTrue(events.contains("file JOE READ /u/joe uxb=UXB-JOE"), events.toString());
        assertTrue(events.contains("logout JOE logout uxb=UXB-JOE"), events.toString());
        assertEquals("termination gxb=GXB-1", events.get(events.size() - 1));
    }

    @Test
    void failingThrowingAndHangingExitsFailOnlyTheirRequest() throws Exception {
        try (RunningPassGate pg = start(Map.of())) {
            assertEquals("EXIT_REJECTED", code(pg.logon("{\"op\":\"logon\",\"user\":\"REFUSED\",\"password\":\"Secret1\"}")));
            assertEquals("EXIT_REJECTED", code(pg.logon("{\"op\":\"logon\",\"user\":\"THROWER\",\"password\":\"Secret1\"}")));
            long start = System.nanoTime();
            assertEquals("EXIT_REJECTED", code(pg.logon("{\"op\":\"logon\",\"user\":\"SLOWPOKE\",\"password\":\"Secret1\"}")));
            assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "the hang was cut at passgate.exit.timeout");
            assertEquals("OK", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")),
                    "the daemon keeps serving");
            var faults = pg.passGate.security().audit().query(null, AuditEvent.EXIT_FAULT, 10);
            assertEquals(2, faults.size(), faults.toString());
            assertEquals("AUTH_FAILED", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"wrong\"}")),
                    "in saf mode a passing exit is followed by the registry");
        }
    }

    @Test
    void theFileSecurityExitComesFirst() throws Exception {
        try (RunningPassGate pg = start(Map.of()); LineClient s = pg.session("JOE", "Secret1")) {
            JsonNode r = s.request("{\"op\":\"files.write\",\"path\":\"forbidden.txt\",\"content\":\"x\"}");
            assertEquals("EXIT_REJECTED", code(r));
            assertEquals("OK", code(s.request("{\"op\":\"files.write\",\"path\":\"fine.txt\",\"content\":\"x\"}")));
        }
    }

    @Test
    void aFailedInitDisablesTheExitsAndLogonsFollowTheSecurityModeAlone() throws Exception {
        List<String> events;
        try (RunningPassGate pg = start(RecordingExit.FailingInit.class, Map.of())) {
            events = RecordingExit.of(pg).events();
            waitFor(() -> !pg.passGate.daemon().exits().active());
            assertEquals("OK", code(pg.logon("{\"op\":\"logon\",\"user\":\"REFUSED\",\"password\":\"Secret1\"}")),
                    "the exit that would refuse is gone; the registry decides");
            assertEquals("AUTH_FAILED", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"wrong\"}")));
            assertFalse(pg.passGate.security().audit().query(null, AuditEvent.EXIT_FAULT, 10).isEmpty());
        }
        assertFalse(events.stream().anyMatch(e -> e.startsWith("login")));
    }


    @Test
    void afterLoginTellsTheOutcomeAndAFailedLogonFromANewCombinationKeepsNoUxb() throws Exception {
        try (RunningPassGate pg = start(Map.of())) {
            List<String> events = RecordingExit.of(pg).events();
            LoginExits exits = pg.passGate.daemon().exits();
            assertEquals("AUTH_FAILED", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"wrong\"}")));
            assertEquals("EXIT_REJECTED", code(pg.logon("{\"op\":\"logon\",\"user\":\"REFUSED\",\"password\":\"Secret1\"}")));
            assertTrue(events.contains("after-login JOE AUTH_FAILED uxb=UXB-JOE"), events.toString());
            assertTrue(events.contains("after-login REFUSED EXIT_REJECTED uxb=UXB-REFUSED"), events.toString());
            assertEquals(0, exits.combinationsKept(), "failed logons leave no user exit block behind");
            try (LineClient s = pg.session("JOE", "Secret1")) {
                assertTrue(events.contains("after-login JOE OK uxb=UXB-JOE"), events.toString());
                assertEquals(1, exits.combinationsKept());
                s.request("{\"op\":\"logout\"}");
                waitFor(() -> exits.combinationsKept() == 0);
            }
            assertEquals(2, events.stream().filter(e -> e.startsWith("new-session JOE")).count(),
                    "each logon after the UXB was let go is a new session again");
        }
    }

    @Test
    void aHandedOutPortNobodyConnectsToEndsWithALogoutAndLetsGoOfTheUxb() throws Exception {
        try (RunningPassGate pg = start(Map.of("passgate.server.handoff-timeout", "1"))) {
            List<String> events = RecordingExit.of(pg).events();
            pg.logon("JOE", "Secret1"); // and never connect
            assertEquals("UXB-JOE", pg.passGate.daemon().exits().uxb("JOE", "127.0.0.1"));
            waitFor(() -> events.contains("logout JOE expired uxb=UXB-JOE"));
            assertEquals(0, pg.passGate.daemon().exits().combinationsKept());
        }
    }

}
