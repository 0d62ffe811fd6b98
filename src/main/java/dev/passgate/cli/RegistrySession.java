package dev.passgate.cli;

import dev.passgate.settings.PassGateSettings;
import dev.passgate.security.MasterKeyCheck;
import dev.passgate.security.MasterKeys;
import dev.passgate.security.SecurityRegistry;
import dev.passgate.security.SecuritySettings;
import dev.passgate.store.Database;
import dev.passgate.store.StoreSettings;
import java.time.Clock;
import java.util.List;

/** The database (migrated on open) and the security registry over it, for one CLI command. */
final class RegistrySession implements AutoCloseable {

    private final Database database;
    private final SecurityRegistry registry;

    RegistrySession(PassGateSettings settings) {
        this.database = StoreSettings.from(settings).open(settings.dataDir(), 2);
        try {
            SecuritySettings security = SecuritySettings.from(settings);
            byte[] masterKey = MasterKeyCheck.settle(database.dataSource(), MasterKeys.find(security.masterKey(),
                    security.masterKeyFile(), security.createMasterKey(), settings.dataDir()), security.masterKeyFile());
            this.registry = new SecurityRegistry(database.dataSource(), masterKey, security.passwordIterations(),
                    Clock.systemUTC(), settings.systemName(), List.of());
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
