package dev.passgate.store;

import dev.passgate.settings.PassGateSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The store's settings ({@code passgate.store.*}). Unset URL and password mean the embedded H2
 * file in the data folder with this installation's generated credential.
 */
public record StoreSettings(Optional<String> url, String user, Optional<String> password, int maxConnections,
        boolean durableAcks) {

    /** JDBC URL; unset: an H2 file database "passgate" in the data folder. Nodes sharing a store: jdbc:postgresql://... */
    public static final String URL = "passgate.store.url";
    /** Database user. */
    public static final String USER = "passgate.store.user";
    /** Database password; unset for the embedded store, whose password is generated per installation. */
    public static final String PASSWORD = "passgate.store.password";
    /** Connections in the pool. */
    public static final String MAX_CONNECTIONS = "passgate.store.max-connections";
    /**
     * Whether a reply waits until what it acknowledges is in the store's file (true, the default).
     * False leaves H2's commits to its write delay, so a kill -9 can lose the last second of
     * acknowledged work: for measuring what durability costs, never for a real installation.
     * PostgreSQL makes every commit durable itself either way.
     */
    public static final String DURABLE_ACKS = "passgate.store.durable-acks";

    public static StoreSettings from(PassGateSettings s) {
        return new StoreSettings(s.find(URL), s.string(USER), s.find(PASSWORD), s.integer(MAX_CONNECTIONS),
                s.flag(DURABLE_ACKS));
    }

    /** Opens the configured store, or the embedded one in the data folder. */
    public Database open(Path dataDir, int connections) {
        return Database.open(url, user, password, dataDir, connections);
    }

    /** The password is a secret: never in a log line, whoever prints this record. */
    @Override
    public String toString() {
        return "StoreSettings[url=" + url.orElse("(embedded)") + ", user=" + user + ", password="
                + (password.isPresent() ? "(set)" : "(unset)") + ", maxConnections=" + maxConnections + ", durableAcks="
                + durableAcks + "]";
    }
}
