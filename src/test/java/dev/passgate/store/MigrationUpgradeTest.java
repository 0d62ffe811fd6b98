package dev.passgate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.support.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 store made by the released migrations (kept as they shipped under test resources
 * db/released, from when they all lived in one folder) opens with today's, which live in
 * common and vendor folders: nothing applied is changed or applied again, only new versions run.
 */
class MigrationUpgradeTest {

    @TempDir
    Path data;

    private static Map<String, Integer> checksums(Jdbc jdbc) {
        return jdbc.query("SELECT \"version\", \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL",
                rs -> Map.entry(rs.getString(1), rs.getInt(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void aStoreMadeByTheReleasedMigrationsOpensAndGetsOnlyTheNewOnes() {
        EmbeddedStore.secureFolder(data);
        Flyway.configure()
                .dataSource(Database.defaultUrl(data), EmbeddedStore.USER, new String(EmbeddedStore.password(data)))
                .locations("classpath:db/released")
                .load()
                .migrate();
        Map<String, Integer> released;
        try (Database db = TestDatabases.open(data)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            Map<String, Integer> now = checksums(jdbc);
            released = Map.copyOf(now);
            assertTrue(now.keySet().containsAll(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")), now.toString());
            assertEquals(0, jdbc.queryOne("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\"",
                    rs -> rs.getInt(1)).orElseThrow());
            // the registry made by V2 is still there, and V6's index beside it
            assertEquals(1, jdbc.queryOne("SELECT COUNT(*) FROM sec_group WHERE group_id = 'SYS1'", rs -> rs.getInt(1))
                    .orElseThrow());
        }
        // a store made from scratch by today's migrations records the same versions and checksums
        try (Database fresh = TestDatabases.open(data.resolve("fresh"))) {
            assertEquals(released, checksums(new Jdbc(fresh.dataSource())));
        }
    }
}
