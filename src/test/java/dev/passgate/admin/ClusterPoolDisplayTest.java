package dev.passgate.admin;

import dev.passgate.support.TestDatabases;
import java.util.Map;

/** DISPLAY PROCESS across nodes sharing one H2 store (the first node's). */
class ClusterPoolDisplayTest extends ClusterPoolDisplayCases {

    @Override
    Map<String, String> node(String name) {
        return TestDatabases.sharedH2Node(data, "PGA", name);
    }
}
