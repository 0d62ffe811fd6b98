package dev.passgate.cli;

import dev.passgate.PassGateMainConfiguration;
import dev.passgate.settings.PassGateSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code passgate serve}: runs PassGate in camel-main until SIGTERM or Ctrl-C.
 *
 * <p>Settings, lowest to highest: built-in defaults, the configuration file, environment
 * variables ({@code PASSGATE_DAEMON_PORT} for {@code passgate.daemon.port}), JVM system
 * properties, then {@code --data}. A data folder another serve uses, or a port another process holds,
 * stops it with one line before anything starts.
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
        // Refused before anything opens, creates or binds: a second serve on this data folder, a taken port.
        PassGateSettings settings = options.settings();
        DataFolderLock.take(settings.dataDir());
        ListenerPorts.check(ListenerPorts.of(settings));
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + configFile + ";optional=true");
        // Relative defaults mean "under the PassGate home", wherever the command was started from.
        ConfigOptions.homeDefaults(Home.path()).forEach(main::addInitialProperty);
        if (options.data != null) {
            main.addOverrideProperty(PassGateSettings.DATA_DIR, options.data.toAbsolutePath().toString());
        }
        ManagementDefaults.PROPERTIES.forEach(main::addInitialProperty);
        RouteReloadDefaults.PROPERTIES.forEach(main::addInitialProperty);
        main.configure().withName("passgate");
        // camel-main's dump of every setting it resolved: for DEBUG, not for every start's console.
        main.configure().setAutoConfigurationLogSummary(LoggerFactory.getLogger(BaseMainSupport.class).isDebugEnabled());
        main.configure().addConfiguration(new PassGateMainConfiguration(configFile,
                spec.commandLine().getOut()));
        main.run();
        return main.getExitCode();
    }
}
