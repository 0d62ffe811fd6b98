package dev.passgate.support;

import dev.passgate.store.Database;
import java.nio.file.Path;
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

    private TestDatabases() {
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

    /** A new, empty store on the engine (H2 in the folder). */
    public static Database open(Engine engine, Path folder) {
        if (engine == Engine.H2) {
            return open(folder);
        }
        return Database.open(Optional.of(TestPostgres.newDatabase()), TestPostgres.USER, Optional.of("unused"), folder,
                8);
    }
}
