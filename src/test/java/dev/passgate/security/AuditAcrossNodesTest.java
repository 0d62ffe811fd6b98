package dev.passgate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.store.Database;
import dev.passgate.support.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes writing one audit trail: each record names its node and carries the database's
 * timestamp, so the trail reads in the order things happened whatever the nodes' clocks say.
 */
class AuditAcrossNodesTest {

    @TempDir
    Path data;

    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }

    @Test
    void recordsOfNodesWithSkewedClocksComeBackInTheOrderTheyHappenedEachNamingItsNode() {
        Clock hourAhead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        Clock hourBehind = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
        try (Database db = TestDatabases.open(engine(), data);
                AuditLog onA = new AuditLog(db.dataSource(), hourAhead, "PGA");
                AuditLog onB = new AuditLog(db.dataSource(), hourBehind, "PGB")) {
            Instant before = Instant.now();
            onA.record(AuditEvent.VERIFY, "JOE", "daemon", "OK", "first");
            onA.sync();
            onB.record(AuditEvent.VERIFY, "JOE", "daemon", "OK", "second");
            onB.sync();
            onA.record(AuditEvent.VERIFY, "JOE", "daemon", "OK", "third");
            onA.sync();

            List<AuditLog.Entry> newestFirst = onB.query("JOE", null, 10);

            assertEquals(List.of("third", "second", "first"), newestFirst.stream().map(AuditLog.Entry::detail).toList());
            assertEquals(List.of("PGA", "PGB", "PGA"), newestFirst.stream().map(AuditLog.Entry::node).toList());
            for (AuditLog.Entry e : newestFirst) {
                assertTrue(!e.at().isBefore(before.minusSeconds(5)) && e.at().isBefore(Instant.now().plusSeconds(5)),
                        "the database's time, not the node's: " + e.at());
            }
            assertTrue(newestFirst.get(1).line().contains(" PGB VERIFY JOE OK"), newestFirst.get(1).line());
        }
    }

    @Test
    void recordsMadeBeforeTheNodeColumnShowNoNode() {
        try (Database db = TestDatabases.open(engine(), data); AuditLog log = new AuditLog(db.dataSource(),
                Clock.systemUTC(), "PGA")) {
            new dev.passgate.store.Jdbc(db.dataSource()).update("INSERT INTO audit_log (logged_at, event, user_id,"
                    + " outcome) VALUES (CURRENT_TIMESTAMP, 'VERIFY', 'ANN', 'OK')");
            AuditLog.Entry old = log.query("ANN", null, 1).get(0);
            assertEquals(null, old.node());
            assertTrue(old.line().contains(" - VERIFY ANN OK"), old.line());
        }
    }
}
