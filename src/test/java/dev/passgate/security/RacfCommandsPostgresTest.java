package dev.passgate.security;

import dev.passgate.support.TestDatabases;

/** The registry's commands on PostgreSQL. */
class RacfCommandsPostgresTest extends RacfCommandsTest {

    @Override
    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }
}
