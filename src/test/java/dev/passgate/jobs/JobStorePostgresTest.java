package dev.passgate.jobs;

import dev.passgate.support.TestDatabases;

/** The job monitor's tables (migration V5) on PostgreSQL. */
class JobStorePostgresTest extends JobStoreTest {

    @Override
    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }
}
