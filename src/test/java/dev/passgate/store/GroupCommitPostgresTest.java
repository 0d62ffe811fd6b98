package dev.passgate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.passgate.support.TestDatabases;
import org.junit.jupiter.api.Test;

/** Group commit on PostgreSQL: no CHECKPOINT there, and a bad write still fails alone (its batch is rolled back and retried, not left aborted). */
class GroupCommitPostgresTest extends GroupCommitTest {

    @Override
    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }

    @Test
    void aCommitIsDurableByItselfSoNothingIsForced() {
        try (Database db = TestDatabases.open(engine(), data); GroupCommit commits = new GroupCommit(db.dataSource(), "pg")) {
            commits.submit(b -> b.update("INSERT INTO audit_log (logged_at, event, outcome) VALUES (CURRENT_TIMESTAMP,"
                    + " 'PG', 'OK')")).await();
            commits.syncAll();
            GroupCommit.Stats stats = commits.stats();
            assertEquals(1, stats.writes());
            assertEquals(0, stats.forces(), "no CHECKPOINT on PostgreSQL");
        }
    }
}
