package dev.passgate.admin;

import dev.passgate.support.TestPostgres;
import java.util.Map;

/** DISPLAY PROCESS across nodes on one PostgreSQL. */
class ClusterPoolDisplayPostgresTest extends ClusterPoolDisplayCases {

    private final String url = TestPostgres.newDatabase();

    @Override
    Map<String, String> node(String name) {
        return TestPostgres.nodeSettings(url, name);
    }
}
