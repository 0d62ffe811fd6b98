package dev.passgate.store;

import dev.passgate.support.TestDatabases;

/** The same on PostgreSQL, where a NOTIFY wakes the target. */
class ClusterMessagesPostgresTest extends ClusterMessagesTest {

    @Override
    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }
}
