package dev.passgate.cli;

import dev.passgate.PassGateSettings;
import dev.passgate.security.MasterKeys;
import dev.passgate.security.SecurityRegistry;
import dev.passgate.store.Database;
import java.time.Clock;
import java.util.List;

/** The database (migrated on open) and the security registry over it, for one CLI command. */
final class RegistrySession implements AutoCloseable {

    private final Database database;
    private final SecurityRegistry registry;

    RegistrySession(PassGateSettings settings) {
        this.database = settings.openStore(2);
        try {
            byte[] masterKey = MasterKeys.load(settings.find(PassGateSettings.MASTER_KEY),
                    settings.path(PassGateSettings.MASTER_KEY_FILE), settings.dataDir());
            this.registry = new SecurityRegistry(database.dataSource(), masterKey,
                    settings.integer(PassGateSettings.PASSWORD_ITERATIONS), Clock.systemUTC(), settings.systemName(),
                    List.of());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    SecurityRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        registry.close();
        database.close();
    }
}
