package dev.passgate.partner;

import dev.passgate.support.TestDatabases;

/** Node identity, one master key and the audit's node column with the nodes on one PostgreSQL. */
class ClusterNodeIdentityPostgresTest extends ClusterNodeIdentityTest {

    @Override
    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }
}
