package dev.passgate.support;

import dev.passgate.store.Database;
import java.nio.file.Path;

/** Real H2 databases for tests: each in its own temporary folder, so test classes never share one. */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static Database open(Path folder) {
        return Database.open(java.util.Optional.empty(), "sa", java.util.Optional.empty(), folder, 8); // as serve opens it
    }
}
