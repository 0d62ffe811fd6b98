package dev.passgate.support;

import dev.passgate.testkit.TestPassGate;
import dev.passgate.security.SecurityRegistry;
import dev.passgate.security.racf.CommandResult;
import dev.passgate.store.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** A security registry on a real database (H2 in a temporary folder, or PostgreSQL), with a clock the test controls. */
public final class TestRegistry implements AutoCloseable {

    public final Database database;
    public final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
    public final SecurityRegistry registry;

    public TestRegistry(Path folder) {
        this(folder, TestDatabases.Engine.H2);
    }

    public TestRegistry(Path folder, TestDatabases.Engine engine) {
        database = TestDatabases.open(engine, folder);
        registry = new SecurityRegistry(database.dataSource(), HexFormat.of().parseHex(TestPassGate.MASTER_KEY),
                Integer.parseInt(TestPassGate.TEST_ITERATIONS), clock, "PG01", List.of());
    }

    /** Runs RACF commands, failing the test on the first one that is refused. */
    public void admin(String... commands) {
        for (String c : commands) {
            CommandResult r = registry.commands().execute(c, "TEST");
            if (!r.ok()) {
                throw new AssertionError("command refused: " + c + " -> " + r.lines());
            }
        }
    }

    public CommandResult run(String command) {
        return registry.commands().execute(command, "TEST");
    }

    @Override
    public void close() {
        registry.close();
        database.close();
    }
}
