package dev.passgate.jobs;

import dev.passgate.security.AuditEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.security.AuditLog;
import dev.passgate.store.Database;
import dev.passgate.store.Jdbc;
import dev.passgate.support.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs in a real H2 file: their states, output, audit records, and what a restart finds. */
class JobStoreTest {

    @TempDir
    Path data;

    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }

    private static JobStore store(Database db, AuditLog audit) {
        return new JobStore(new Jdbc(db.dataSource()), audit, Clock.systemUTC(), "PG01");
    }

    @Test
    void stateMachineAllowsOnlyForwardMoves() {
        assertTrue(JobState.INPUT.canBecome(JobState.ACTIVE));
        assertTrue(JobState.ACTIVE.canBecome(JobState.OUTPUT));
        assertTrue(JobState.ACTIVE.canBecome(JobState.CANCELLED));
        assertFalse(JobState.OUTPUT.canBecome(JobState.ACTIVE));
        assertFalse(JobState.CANCELLED.canBecome(JobState.FAILED));
        assertFalse(JobState.INPUT.canBecome(JobState.OUTPUT));
        assertTrue(JobState.FAILED.ended());
        assertFalse(JobState.ACTIVE.ended());
    }

    @Test
    void aJobRunsWritesOutputAndEndsWithItsReturnCode() {
        try (Database db = TestDatabases.open(engine(), data); AuditLog audit = new AuditLog(db.dataSource(), Clock.systemUTC(), "PG01")) {
            JobStore jobs = store(db, audit);
            Job j = jobs.submit("J0000001", "JOE", "HELLO", "JOE");
            assertEquals(JobState.INPUT, jobs.find(j.id()).orElseThrow().state());
            assertTrue(jobs.start(j.id()));
            for (int i = 0; i < 5; i++) {
                jobs.output(j.id(), i, "line " + i);
            }
            assertTrue(jobs.finish(j.id(), JobState.OUTPUT, 4, null));
            Job done = jobs.find(j.id()).orElseThrow();
            assertEquals(JobState.OUTPUT, done.state());
            assertEquals(4, done.rc());
            assertEquals(List.of("line 2", "line 3"), jobs.lines(j.id(), 2, 2));
            assertEquals(5, jobs.lineCount(j.id()));
            assertFalse(jobs.cancel(done, "JOE"), "an ended job cannot be cancelled");
            assertEquals(1, audit.query("JOE", AuditEvent.JOB_SUBMIT, 10).size());
            assertEquals(0, audit.query("JOE", AuditEvent.JOB_CANCEL, 10).size());
        }
    }

    @Test
    void aCancelledJobIsNotOverwrittenByItsRunEnding() {
        try (Database db = TestDatabases.open(engine(), data); AuditLog audit = new AuditLog(db.dataSource(), Clock.systemUTC(), "PG01")) {
            JobStore jobs = store(db, audit);
            Job j = jobs.submit("J0000002", "JOE", "LOOP", "JOE");
            jobs.start(j.id());
            assertTrue(jobs.cancel(j, "OPER"));
            assertFalse(jobs.finish(j.id(), JobState.OUTPUT, 0, null));
            Job after = jobs.find(j.id()).orElseThrow();
            assertEquals(JobState.CANCELLED, after.state());
            assertNull(after.rc());
            assertEquals("cancelled by OPER", after.reason());
            assertEquals("OPER", audit.query("JOE", AuditEvent.JOB_CANCEL, 10).get(0).actor());
        }
    }

    @Test
    void restartFailsWhatWasRunningAndKeepsWhatFinished() {
        try (Database db = TestDatabases.open(engine(), data); AuditLog audit = new AuditLog(db.dataSource(), Clock.systemUTC(), "PG01")) {
            JobStore jobs = store(db, audit);
            jobs.submit("J0000003", "JOE", "HELLO", "JOE");
            jobs.start("J0000003");
            jobs.output("J0000003", 0, "done");
            jobs.finish("J0000003", JobState.OUTPUT, 0, null);
            jobs.submit("J0000004", "JOE", "LOOP", "JOE");
            jobs.start("J0000004");
            jobs.output("J0000004", 0, "half way");
            jobs.submit("J0000005", "ANN", "LOOP", "ANN");
            audit.flushStore();
        }
        try (Database db = TestDatabases.open(engine(), data); AuditLog audit = new AuditLog(db.dataSource(), Clock.systemUTC(), "PG01")) {
            JobStore jobs = store(db, audit);
            assertEquals(2, jobs.failLeftBehind("node PG01 restarted"));
            assertEquals(JobState.OUTPUT, jobs.find("J0000003").orElseThrow().state());
            Job running = jobs.find("J0000004").orElseThrow();
            assertEquals(JobState.FAILED, running.state());
            assertEquals("node PG01 restarted", running.reason());
            assertEquals(List.of("half way"), jobs.lines("J0000004", 0, 10));
            assertEquals(JobState.FAILED, jobs.find("J0000005").orElseThrow().state());
            assertEquals(List.of("J0000005"), jobs.list(new JobStore.Filter("ANN", null, null, 10)).stream()
                    .map(Job::id).toList());
            assertEquals(1, jobs.list(new JobStore.Filter(null, "HEL", null, 10)).size());
            assertEquals(2, jobs.list(new JobStore.Filter(null, null, JobState.FAILED, 10)).size());
            jobs.purge(jobs.find("J0000004").orElseThrow(), "JOE");
            assertTrue(jobs.find("J0000004").isEmpty());
            assertEquals(List.of(), jobs.lines("J0000004", 0, 10));
        }
    }
}
