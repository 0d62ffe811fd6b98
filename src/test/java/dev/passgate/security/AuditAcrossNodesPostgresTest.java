package dev.passgate.security;

import dev.passgate.support.TestDatabases;

/** The audit trail of two nodes on PostgreSQL, whose CURRENT_TIMESTAMP stamps every record. */
class AuditAcrossNodesPostgresTest extends AuditAcrossNodesTest {

    @Override
    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }
}
