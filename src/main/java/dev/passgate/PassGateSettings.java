package dev.passgate;

import dev.passgate.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Typed access to the {@code passgate.*} settings. Values come from wherever PassGate runs
 * (Camel's properties component: operator's file, environment, system properties) and fall
 * back to the built-in defaults in {@code passgate-defaults.properties}.
 */
public final class PassGateSettings {

    public static final String DEFAULTS_RESOURCE = "passgate-defaults.properties";

    public static final String APPLID = "passgate.applid";
    public static final String ALLOW_UNSAFE_APPLID = "passgate.applid.allow-unsafe";
    public static final String SYSTEM_NAME = "passgate.system.name";
    public static final String DATA_DIR = "passgate.data.dir";
    public static final String ROUTES_DIR = "passgate.routes.dir";
    public static final String STORE_URL = "passgate.store.url";
    public static final String STORE_USER = "passgate.store.user";
    public static final String STORE_PASSWORD = "passgate.store.password";
    public static final String STORE_MAX_CONNECTIONS = "passgate.store.max-connections";
    public static final String MASTER_KEY = "passgate.security.master-key";
    public static final String MASTER_KEY_FILE = "passgate.security.master-key-file";
    public static final String PASSWORD_ITERATIONS = "passgate.security.password-iterations";
    public static final String BOOTSTRAP_FILE = "passgate.security.bootstrap-file";

    private static final Properties DEFAULTS = loadDefaults();

    private final Function<String, Optional<String>> lookup;

    /** @param lookup resolves a setting where PassGate runs; defaults apply where it finds nothing */
    public PassGateSettings(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /** The built-in defaults, a fresh copy. */
    public static Properties defaults() {
        Properties p = new Properties();
        p.putAll(DEFAULTS);
        return p;
    }

    public Optional<String> find(String key) {
        Optional<String> v = lookup.apply(key).map(String::trim).filter(s -> !s.isEmpty());
        return v.isPresent() ? v : Optional.ofNullable(DEFAULTS.getProperty(key));
    }

    public String string(String key) {
        return find(key).orElseThrow(() -> new IllegalStateException("setting " + key + " is not set"));
    }

    public int integer(String key) {
        String v = string(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("setting " + key + " must be a whole number, not '" + v + "'");
        }
    }

    public boolean flag(String key) {
        String v = string(key);
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalStateException("setting " + key + " must be true or false, not '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    public String applid() {
        return string(APPLID).toUpperCase(java.util.Locale.ROOT);
    }

    public String systemName() {
        return string(SYSTEM_NAME).toUpperCase(java.util.Locale.ROOT);
    }

    public Path dataDir() {
        return Path.of(string(DATA_DIR)).toAbsolutePath().normalize();
    }

    public Path routesDir() {
        return Path.of(string(ROUTES_DIR)).toAbsolutePath().normalize();
    }

    public Path path(String key) {
        return Path.of(string(key)).toAbsolutePath().normalize();
    }

    /** The configured JDBC URL, or the embedded H2 file in the data folder. */
    public String storeUrl() {
        return find(STORE_URL).orElseGet(() -> Database.defaultUrl(dataDir()));
    }

    /** Opens the configured store, or the embedded one in the data folder with this installation's credential. */
    public Database openStore(int maxConnections) {
        return Database.open(find(STORE_URL), string(STORE_USER), find(STORE_PASSWORD), dataDir(), maxConnections);
    }

    private static Properties loadDefaults() {
        Properties p = new Properties();
        try (InputStream in = PassGateSettings.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
