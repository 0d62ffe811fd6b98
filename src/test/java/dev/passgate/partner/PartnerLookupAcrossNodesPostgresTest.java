package dev.passgate.partner;

import dev.passgate.support.TestDatabases;

/** Partner lookups between two nodes on one PostgreSQL, where a lookup message wakes its node by NOTIFY. */
class PartnerLookupAcrossNodesPostgresTest extends PartnerLookupAcrossNodesTest {

    @Override
    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }
}
