package dev.passgate.camel;

import dev.passgate.support.TestDatabases;
import java.util.HashMap;
import java.util.Map;

/** Audit retention on PostgreSQL, its schedule fired by Quartz's job store there (PostgreSQLDelegate, BYTEA job data). */
class AuditRetentionRoutePostgresTest extends AuditRetentionRouteTest {

    @Override
    protected Map<String, String> settings(String key, String value) {
        Map<String, String> s = new HashMap<>(TestDatabases.Engine.POSTGRESQL.settings());
        s.put(key, value);
        return s;
    }
}
