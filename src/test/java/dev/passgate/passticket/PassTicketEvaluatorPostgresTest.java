package dev.passgate.passticket;

import dev.passgate.support.TestDatabases;

/** Replay protection on PostgreSQL: the primary key decides first use there too. */
class PassTicketEvaluatorPostgresTest extends PassTicketEvaluatorTest {

    @Override
    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }
}
