package dev.passgate.support;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * For tests of the security registry: a fresh registry on its own database per test, as {@code t};
 * on H2 unless a subclass names another engine.
 */
public abstract class RegistryTestSupport {

    @TempDir
    protected Path folder;
    protected TestRegistry t;

    @BeforeEach
    void openRegistry() {
        t = new TestRegistry(folder, engine());
    }

    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }

    @AfterEach
    void closeRegistry() {
        t.close();
    }
}
