package dev.passgate.daemon;

import dev.passgate.support.TestDatabases;
import java.util.Map;

/** The cluster-wide failed-logon limit with nodes sharing one H2 store (the first node's). */
class ClusterFailureLimitTest extends ClusterFailureLimitCases {

    @Override
    Map<String, String> node(String name) {
        return TestDatabases.sharedH2Node(data, "PGA", name);
    }
}
