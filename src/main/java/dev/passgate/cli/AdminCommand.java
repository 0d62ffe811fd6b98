package dev.passgate.cli;

import dev.passgate.admin.OperatorCommands;
import dev.passgate.security.RacfFile;
import dev.passgate.security.racf.CommandResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code passgate admin "<command>"} or {@code passgate admin --file defs.racf}. While a
 * daemon runs on the data folder, every command goes to it (it alone has the store open);
 * without one, RACF commands open the store themselves, exclusively, and operator commands
 * (DISPLAY, CANCEL, SEND, LOG) are refused. The exit code is the highest return
 * code (0 done, 8 refused, 12 not understood).
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Run RACF commands (ADDUSER, RDEFINE, PERMIT, ...) or operator commands (DISPLAY, CANCEL, SEND, LOG).")
final class AdminCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "RACF commands, each one argument (quote it).")
    List<String> commands = List.of();

    @Option(names = "--file", paramLabel = "FILE", description = "A file of RACF commands (- or + continues a line).")
    Path file;

    @Option(names = "--continue", description = "With --file: go on after a failing command.")
    boolean continueOnError;

    @Override
    public Integer call() throws Exception {
        if (commands.isEmpty() == (file == null)) {
            throw new picocli.CommandLine.ParameterException(options.spec.commandLine(),
                    "give either RACF commands or --file FILE");
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw new picocli.CommandLine.ParameterException(options.spec.commandLine(), "command file " + file
                    + " not found (give --file a file of RACF commands, one a line)");
        }
        List<String> toRun = file != null ? RacfFile.commands(Files.readAllLines(file)) : commands;
        PrintWriter out = options.spec.commandLine().getOut();
        String actor = "CLI " + System.getProperty("user.name", "?");
        int worst = 0;
        var settings = options.settings();
        RegistrySession session = null;
        Optional<OperatorClient> daemon = OperatorClient.running(settings.dataDir());
        try {
            for (String command : toRun) {
                CommandResult r;
                if (daemon.isPresent()) {
                    r = daemon.get().execute(command);
                } else if (OperatorCommands.isOperatorCommand(command)) {
                    r = OperatorClient.notRunning(settings.dataDir());
                } else {
                    if (session == null) {
                        session = new RegistrySession(settings);
                    }
                    r = session.registry().commands().execute(command, actor);
                }
                r.lines().forEach(out::println);
                worst = Math.max(worst, r.returnCode());
                if (!r.ok() && !continueOnError) {
                    break;
                }
            }
        } finally {
            if (session != null) {
                session.close();
            }
        }
        return worst;
    }
}
