package dev.passgate.session;

import dev.passgate.security.AuditEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.exit.RecordingExit;
import dev.passgate.testkit.Eventually;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that died with sessions open leaves them recorded in its file database; the next
 * start of that node logs them out (logout exits run, audited as ended by restart). Their idle
 * timers died with the process: the next life times out only its own sessions.
 */
class RestartRecoveryTest {

    @TempDir
    Path data;

    private static int count(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String SESSION_TIMERS =
            "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'passgate-sessions'";

    /** A crash: the process vanishes without logging anyone out (played by ending the sessions in memory only). */
    private static void crash(RunningPassGate pg, LineClient... clients) throws Exception {
        for (Session x : pg.passGate.daemon().sessions().all()) {
            pg.passGate.daemon().sessions().forget(x);
            x.end();
        }
        for (LineClient c : clients) {
            c.close();
        }
    }

    @Test
    void sessionsLeftByADeadProcessAreLoggedOutAtTheNextStart() throws Exception {
        Map<String, String> settings = Map.of("passgate.exit.class", RecordingExit.class.getName());
        try (RunningPassGate first = new RunningPassGate(data, settings)) {
            first.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            LineClient s = first.session("JOE", "Secret1");
            DataSource ds = first.passGate.security().dataSource();
            assertEquals(1, count(ds, "SELECT COUNT(*) FROM passgate_session"), "the session is recorded");
            assertEquals(0, count(ds, SESSION_TIMERS), "its idle timer is the node's, in memory, not in the store");
            // Neither the client's close nor the orderly shutdown below logs the session out; its
            // database record stays, as a dead process would leave it.
            crash(first, s);
        }
        try (RunningPassGate second = new RunningPassGate(data, settings)) {
            var events = RecordingExit.of(second).events();
            Eventually.waitFor(java.time.Duration.ofSeconds(10), () -> events.contains("logout JOE restart uxb=null"));
            DataSource ds = second.passGate.security().dataSource();
            assertEquals(0, count(ds, "SELECT COUNT(*) FROM passgate_session"));
            var audit = second.passGate.security().audit().query("JOE", AuditEvent.LOGOUT, 5);
            assertTrue(audit.stream().anyMatch(e -> e.outcome().equals("RESTART")), audit.toString());
        }
    }

    private static final String WAITING_LOGONS = "SELECT COUNT(*) FROM passgate_session WHERE connected = FALSE";

    @Test
    void aLogonIsRecordedBeforeItsReplyAndItsRowGoesWithAHandoffThatEnds() throws Exception {
        Map<String, String> settings = Map.of("passgate.exit.class", RecordingExit.class.getName(),
                "passgate.server.handoff-timeout", "1");
        try (RunningPassGate first = new RunningPassGate(data, settings)) {
            first.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            DataSource ds = first.passGate.security().dataSource();
            first.logon("JOE", "Secret1");
            assertEquals(1, count(ds, WAITING_LOGONS), "in the store when the logon's reply arrives");
            Eventually.waitFor(java.time.Duration.ofSeconds(10), () -> count(ds, WAITING_LOGONS) == 0);

            first.logon("JOE", "Secret1"); // still waiting for its client when the node stops
            assertEquals(1, count(ds, WAITING_LOGONS));
        }
        try (RunningPassGate second = new RunningPassGate(data, settings)) {
            DataSource ds = second.passGate.security().dataSource();
            assertEquals(0, count(ds, "SELECT COUNT(*) FROM passgate_session"), "the orderly stop took the row away");
            assertTrue(second.passGate.security().audit().query("JOE", AuditEvent.LOGOUT, 5).isEmpty(),
                    "nothing of it is logged out at the next start");
            assertTrue(RecordingExit.of(second).events().stream().noneMatch(e -> e.startsWith("logout JOE")),
                    RecordingExit.of(second).events().toString());
        }
    }

    @Test
    void aRestartedNodeLogsOutWhatTheCrashLeftAndTimesOutOnlyItsOwnSessions() throws Exception {
        // Long enough for the crash to come first, short enough to fall due in the second life.
        Map<String, String> settings = Map.of("passgate.session.idle-timeout", "3",
                "passgate.exit.class", RecordingExit.class.getName());
        try (RunningPassGate first = new RunningPassGate(data, settings)) {
            first.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            first.admin("ADDUSER ANN PASSWORD(Secret1) NOEXPIRED");
            crash(first, first.session("JOE", "Secret1"));
        }
        try (RunningPassGate second = new RunningPassGate(data, settings)) {
            var events = RecordingExit.of(second).events();
            Eventually.waitFor(java.time.Duration.ofSeconds(10), () -> events.contains("logout JOE restart uxb=null"));
            try (LineClient ann = second.session("ANN", "Secret1")) {
                var event = ann.read();
                assertEquals("timeout", event == null ? null : event.path("event").asText(), String.valueOf(event));
            }
            Eventually.waitFor(java.time.Duration.ofSeconds(10),
                    () -> events.stream().anyMatch(e -> e.startsWith("logout ANN timeout")));
            // JOE's first-life timer fell due meanwhile: nothing of it ran in this life.
            assertEquals(1, events.stream().filter(e -> e.startsWith("logout JOE")).count(), events.toString());
            var audit = second.passGate.security().audit().query("JOE", AuditEvent.LOGOUT, 5);
            assertEquals(List.of("RESTART"), audit.stream().map(e -> e.outcome()).toList());
        }
    }
}
