package dev.passgate.security;

import dev.passgate.support.TestDatabases;

/** Logon verification on a registry in PostgreSQL. */
class VerifierPostgresTest extends VerifierTest {

    @Override
    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }
}
