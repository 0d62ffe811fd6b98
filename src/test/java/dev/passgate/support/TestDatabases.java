package dev.passgate.support;

import dev.passgate.store.Database;
import dev.passgate.store.EmbeddedStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Real databases for tests: H2 files, each in its own temporary folder, and databases of their
 * own on the test PostgreSQL, so test classes never share one.
 */
public final class TestDatabases {

    /** The engines a store test runs on. */
    public enum Engine {
        H2, POSTGRESQL;

        /** The PassGate settings that put a node's store on this engine (nothing: H2 is the default). */
        public Map<String, String> settings() {
            return this == H2 ? Map.of() : TestPostgres.storeSettings();
        }
    }

    private static final Map<Path, String> POSTGRES_OF_FOLDER = new java.util.concurrent.ConcurrentHashMap<>();

    private TestDatabases() {
    }

    /**
     * Settings of a node in {@code data/<name>} that shares the embedded H2 store of the node
     * {@code first} (which uses its own): nodes of one cluster in one JVM, without PostgreSQL.
     */
    public static Map<String, String> sharedH2Node(Path data, String first, String name) {
        Map<String, String> settings = new HashMap<>(Map.of("passgate.system.name", name,
                "passgate.jobs.port", "0"));
        if (!name.equals(first)) {
            settings.put("passgate.store.url", Database.defaultUrl(data.resolve(first)));
            settings.put("passgate.store.password", new String(EmbeddedStore.password(data.resolve(first))));
        }
        return settings;
    }

    public static Database open(Path folder) {
        return Database.open(Optional.empty(), "sa", Optional.empty(), folder, 8); // as serve opens it
    }

    /** The same store opened a second time, as another node sharing it opens it. */
    public static Database openAgain(Database store, Path folder) {
        if (store.vendor() == dev.passgate.store.StoreVendor.H2) {
            return open(folder);
        }
        return Database.open(store.url(), TestPostgres.USER, "unused", 8);
    }

    /**
     * The folder's store on the engine: new and empty the first time, the same store when the
     * folder is opened again (a restart): H2 in the folder, or a PostgreSQL database made for it.
     */
    public static Database open(Engine engine, Path folder) {
        if (engine == Engine.H2) {
            return open(folder);
        }
        String url = POSTGRES_OF_FOLDER.computeIfAbsent(folder.toAbsolutePath().normalize(),
                f -> TestPostgres.newDatabase());
        return Database.open(Optional.of(url), TestPostgres.USER, Optional.of("unused"), folder, 8);
    }
}
