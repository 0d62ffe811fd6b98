package dev.passgate.partner;

import dev.passgate.support.TestDatabases;

/** The cluster's tables on PostgreSQL, where connection rows are upserted with ON CONFLICT. */
class ClusterStorePostgresTest extends ClusterStoreTest {

    @Override
    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }
}
