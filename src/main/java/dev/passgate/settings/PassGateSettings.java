package dev.passgate.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Lookup of the {@code passgate.*} settings, and the node-wide ones every feature shares
 * (APPLID, system name, data and routes folders). Values come from wherever PassGate runs
 * (Camel's properties component: operator's file, environment, system properties) and fall
 * back to the built-in defaults in {@code passgate-defaults.properties}, the one place a
 * default is written. Each feature reads its own keys into a typed record
 * ({@code DaemonSettings.from(settings)} and so on), which names each key once.
 *
 * <p>It sits in the bottom layer (it imports no other PassGate package) so that every
 * feature's settings record can read it.
 */
public final class PassGateSettings {

    public static final String DEFAULTS_RESOURCE = "passgate-defaults.properties";

    /** PassGate's own APPLID: APPL profile for logons, PTKTDATA profile sessions are built from. */
    public static final String APPLID = "passgate.applid";
    /** Accept OMVSAPPL or MVS&lt;system&gt; as the APPLID anyway, with a warning. */
    public static final String ALLOW_UNSAFE_APPLID = "passgate.applid.allow-unsafe";
    /** This node's system name (1-8 characters). */
    public static final String SYSTEM_NAME = "passgate.system.name";
    /** Where PassGate keeps its data: the embedded database, files, credentials. */
    public static final String DATA_DIR = "passgate.data.dir";
    /** Integrator routes loaded after the built-in ones. */
    public static final String ROUTES_DIR = "passgate.routes.dir";

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

    /** As {@link #find}, without the built-in defaults: for keys whose names are made at run time. */
    public Optional<String> lookup(String key) {
        return lookup.apply(key);
    }

    public long longNumber(String key) {
        String v = string(key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("setting " + key + " must be a whole number, not '" + v + "'");
        }
    }

    /** A whole number of seconds. */
    public java.time.Duration seconds(String key) {
        return java.time.Duration.ofSeconds(integer(key));
    }

    /** A comma-separated list, blanks dropped; empty when unset. */
    public java.util.List<String> list(String key) {
        return java.util.Arrays.stream(find(key).orElse("").split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .toList();
    }

    public boolean allowUnsafeApplid() {
        return flag(ALLOW_UNSAFE_APPLID);
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
