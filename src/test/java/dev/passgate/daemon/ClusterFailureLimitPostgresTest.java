package dev.passgate.daemon;

import dev.passgate.support.TestPostgres;
import java.util.Map;

/** The cluster-wide failed-logon limit with nodes on one PostgreSQL. */
class ClusterFailureLimitPostgresTest extends ClusterFailureLimitCases {

    private final String url = TestPostgres.newDatabase();

    @Override
    Map<String, String> node(String name) {
        return TestPostgres.nodeSettings(url, name);
    }
}
