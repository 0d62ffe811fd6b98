package dev.passgate.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code passgate}: the command line. Each subcommand is its own class. */
@Command(name = "passgate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "An open logon gateway: RSE-style daemon, RACF-compatible PassTickets, login exits.",
        subcommands = {ServeCommand.class, LogonCommand.class, PassTicketCommand.class, AdminCommand.class,
            AuditCommand.class, JobsCommand.class})
public final class PassGateCli implements Runnable {

    /** Exit code for bad arguments (picocli's USAGE code). */
    public static final int BAD_ARGUMENTS = CommandLine.ExitCode.USAGE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line with the given streams; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new PassGateCli());
        cli.setOut(out);
        cli.setErr(err);
        // Errors are one line, "passgate: <what is wrong>", not a usage dump.
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("passgate: " + e.getMessage());
            return BAD_ARGUMENTS;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("passgate: " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
