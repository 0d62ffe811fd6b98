package dev.passgate.session;

import dev.passgate.security.AuditEvent;
import static dev.passgate.testkit.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How sessions end: idle timeout (pushed back by activity), replacement, disconnect; and silent daemon connections. */
class SessionLifecycleTest {

    @TempDir
    Path data;


    @Test
    void anIdleSessionTimesOutAndActivityPushesTheDeadlineBack() throws Exception {
        try (RunningPassGate pg = new RunningPassGate(data, Map.of("passgate.session.idle-timeout", "2"))) {
            pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            try (LineClient s = pg.session("JOE", "Secret1")) {
                for (int i = 0; i < 4; i++) {
                    Thread.sleep(800);
                    assertEquals("JOE", s.request("{\"op\":\"whoami\"}").get("user").asText(), "still alive after " + i);
                }
                long idleFrom = System.nanoTime();
                JsonNode event = s.read();
                long idleMillis = (System.nanoTime() - idleFrom) / 1_000_000;
                assertEquals("timeout", event.get("event").asText());
                assertTrue(s.closedByServer());
                assertTrue(idleMillis >= 1500, "not before the deadline: " + idleMillis + " ms");
            }
            waitFor(() -> pg.passGate.daemon().sessions().size() == 0);
            assertEquals(0, pg.passGate.daemon().pools().pools().get(0).clients(), "the pool place is given back");
            waitFor(() -> !pg.passGate.security().audit().query("JOE", AuditEvent.LOGOUT, 1).isEmpty()); // audited just after
            assertEquals("TIMEOUT", pg.passGate.security().audit().query("JOE", AuditEvent.LOGOUT, 1).get(0).outcome());
        }
    }

    @Test
    void withSingleLogonANewSessionReplacesTheOlderOne() throws Exception {
        try (RunningPassGate pg = new RunningPassGate(data, Map.of("passgate.session.single-logon", "true"))) {
            pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            try (LineClient first = pg.session("JOE", "Secret1"); LineClient second = pg.session("JOE", "Secret1")) {
                assertEquals("replaced", first.read().get("event").asText());
                assertTrue(first.closedByServer());
                assertEquals("JOE", second.request("{\"op\":\"whoami\"}").get("user").asText());
                waitFor(() -> pg.passGate.daemon().sessions().size() == 1);
            }
        }
    }

    @Test
    void aClientThatVanishesLeavesNothingBehind() throws Exception {
        try (RunningPassGate pg = new RunningPassGate(data, Map.of())) {
            pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            LineClient s = pg.session("JOE", "Secret1");
            assertEquals(1, pg.passGate.daemon().sessions().size());
            s.close();
            waitFor(() -> pg.passGate.daemon().sessions().size() == 0);
            assertEquals(0, pg.passGate.daemon().pools().pools().get(0).clients());
        }
    }

    @Test
    void aDaemonConnectionThatSendsNothingIsClosed() throws Exception {
        try (RunningPassGate pg = new RunningPassGate(data, Map.of("passgate.daemon.read-timeout", "1"))) {
            try (LineClient silent = new LineClient(pg.daemonPort)) {
                long start = System.nanoTime();
                assertTrue(silent.closedByServer());
                assertTrue((System.nanoTime() - start) / 1_000_000 >= 900);
            }
        }
    }
}
