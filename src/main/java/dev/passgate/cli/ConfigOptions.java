package dev.passgate.cli;

import dev.passgate.PassGate;
import dev.passgate.daemon.DaemonSettings;
import dev.passgate.exit.ExitSettings;
import dev.passgate.security.SecuritySettings;
import dev.passgate.settings.PassGateSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --config} and {@code --data}, shared by every command that works on a node's
 * configuration and database, and the settings they resolve to, with the same
 * precedence as {@code serve}: defaults, file, environment, system properties, options.
 */
final class ConfigOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: config/application.properties under the PassGate home).")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (overrides passgate.data.dir).")
    Path data;

    Path configFile() {
        if (config != null && !Files.isRegularFile(config)) {
            throw new ParameterException(spec.commandLine(), "--config " + config + ": no such file");
        }
        return (config != null ? config : Home.path().resolve("config/application.properties")).toAbsolutePath();
    }

    /**
     * Defaults that are relative to the PassGate home rather than the working directory, and the
     * home's own master key file, created when missing (an embedding host must give its key).
     */
    static Map<String, String> homeDefaults(Path home) {
        var defaults = PassGateSettings.defaults();
        Map<String, String> homeDefaults = new java.util.HashMap<>(java.util.stream.Stream.of(PassGateSettings.DATA_DIR,
                PassGateSettings.ROUTES_DIR, SecuritySettings.MASTER_KEY_FILE, SecuritySettings.BOOTSTRAP_FILE,
                DaemonSettings.TLS_KEYSTORE, ExitSettings.EXPORTS_FILE).collect(java.util.stream.Collectors.toMap(k -> k,
                        k -> home.resolve(defaults.getProperty(k)).toString())));
        homeDefaults.put(SecuritySettings.MASTER_KEY_CREATE, "true");
        return homeDefaults;
    }

    /** The settings, resolved through a Camel properties component that is never started. */
    PassGateSettings settings() {
        CamelContext context = new DefaultCamelContext();
        var properties = context.getPropertiesComponent();
        properties.setLocation("file:" + configFile() + ";optional=true");
        homeDefaults(Home.path()).forEach(properties::addInitialProperty);
        PassGate.addDefaults(properties);
        if (data != null) {
            properties.addOverrideProperty(PassGateSettings.DATA_DIR, data.toAbsolutePath().toString());
        }
        return new PassGateSettings(properties::resolveProperty);
    }
}
