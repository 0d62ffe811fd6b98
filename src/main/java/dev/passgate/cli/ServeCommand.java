package dev.passgate.cli;

import dev.passgate.PassGateMainConfiguration;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code passgate serve}: runs PassGate in camel-main until SIGTERM or Ctrl-C.
 *
 * <p>Settings, lowest to highest: built-in defaults, the configuration file, environment
 * variables ({@code PASSGATE_DAEMON_PORT} for {@code passgate.daemon.port}), JVM system
 * properties, then {@code --data}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start PassGate and run until stopped.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        Path configFile = options.configFile();
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + configFile + ";optional=true");
        // Relative defaults mean "under the PassGate home", wherever the command was started from.
        ConfigOptions.homeDefaults(Home.path()).forEach(main::addInitialProperty);
        if (options.data != null) {
            main.addOverrideProperty(dev.passgate.settings.PassGateSettings.DATA_DIR, options.data.toAbsolutePath().toString());
        }
        ManagementDefaults.PROPERTIES.forEach(main::addInitialProperty);
        RouteReloadDefaults.PROPERTIES.forEach(main::addInitialProperty);
        main.configure().withName("passgate");
        main.configure().addConfiguration(new PassGateMainConfiguration(configFile,
                spec.commandLine().getOut()));
        main.run();
        return main.getExitCode();
    }
}
