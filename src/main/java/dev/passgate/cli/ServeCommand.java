package dev.passgate.cli;

import dev.passgate.PassGateMainConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: config/application.properties under the PassGate home).")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (overrides passgate.data.dir).")
    Path data;

    @Override
    public Integer call() throws Exception {
        Path home = Home.path();
        Path configFile = config != null ? config : home.resolve("config/application.properties");
        if (config != null && !Files.isRegularFile(config)) {
            throw new ParameterException(spec.commandLine(), "--config " + config + ": no such file");
        }
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + configFile.toAbsolutePath() + ";optional=true");
        // Relative defaults mean "under the PassGate home", wherever the command was started from.
        main.addInitialProperty("passgate.data.dir", home.resolve("data").toString());
        main.addInitialProperty("passgate.routes.dir", home.resolve("config/routes").toString());
        main.addInitialProperty("passgate.security.master-key-file", home.resolve("config/master.key").toString());
        main.addInitialProperty("passgate.security.bootstrap-file", home.resolve("config/bootstrap.racf").toString());
        if (data != null) {
            main.addOverrideProperty("passgate.data.dir", data.toAbsolutePath().toString());
        }
        main.configure().withName("passgate");
        main.configure().addConfiguration(new PassGateMainConfiguration(configFile.toAbsolutePath(),
                spec.commandLine().getOut()));
        main.run();
        return main.getExitCode();
    }
}
