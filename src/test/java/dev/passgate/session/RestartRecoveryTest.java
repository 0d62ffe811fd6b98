package dev.passgate.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.exit.RecordingExit;
import dev.passgate.support.Eventually;
import dev.passgate.support.LineClient;
import dev.passgate.support.RunningPassGate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that died with sessions open leaves them recorded in its file database; the next
 * start of that node logs them out (logout exits run, audited as ended by restart).
 */
class RestartRecoveryTest {

    @TempDir
    Path data;

    private static int count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
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
            assertEquals(1, count(ds, "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'passgate-sessions'"),
                    "its idle timer is in Quartz's JDBC store");
            // A crash: the process vanishes without logging anyone out. Played here by marking the
            // session ended in memory only, so neither the client's close nor the orderly shutdown
            // below logs it out; its database record stays, as a dead process would leave it.
            for (Session x : first.passGate.daemon().sessions().all()) {
                first.passGate.daemon().sessions().forget(x);
                x.end();
            }
            s.close();
        }
        try (RunningPassGate second = new RunningPassGate(data, settings)) {
            var events = RecordingExit.of(second).events();
            Eventually.waitFor(java.time.Duration.ofSeconds(10), () -> events.contains("logout JOE restart uxb=null"));
            DataSource ds = second.passGate.security().dataSource();
            assertEquals(0, count(ds, "SELECT COUNT(*) FROM passgate_session"));
            var audit = second.passGate.security().audit().query("JOE", "LOGOUT", 5);
            assertTrue(audit.stream().anyMatch(e -> e.outcome().equals("RESTART")), audit.toString());
        }
    }
}
