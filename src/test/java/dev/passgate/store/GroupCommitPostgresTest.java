package dev.passgate.store;

import dev.passgate.support.TestDatabases;

/** Group commit on PostgreSQL: no CHECKPOINT there, and a bad write still fails alone (its batch is rolled back and retried, not left aborted). */
class GroupCommitPostgresTest extends GroupCommitTest {

    @Override
    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }
}
