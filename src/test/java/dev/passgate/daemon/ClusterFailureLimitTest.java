package dev.passgate.daemon;

import dev.passgate.store.Database;
import dev.passgate.store.EmbeddedStore;
import java.util.HashMap;
import java.util.Map;

/** The cluster-wide failed-logon limit with nodes sharing one H2 store (the first node's). */
class ClusterFailureLimitTest extends ClusterFailureLimitCases {

    @Override
    Map<String, String> node(String name) {
        Map<String, String> settings = new HashMap<>(Map.of("passgate.system.name", name, "passgate.jobs.port", "0"));
        if (!name.equals("PGA")) {
            settings.put("passgate.store.url", Database.defaultUrl(data.resolve("PGA")));
            settings.put("passgate.store.password", new String(EmbeddedStore.password(data.resolve("PGA"))));
        }
        return settings;
    }
}
