package dev.passgate.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where a client command takes the user's password from: a file, an environment variable or
 * the terminal, never the command line itself (which other local users can read).
 */
final class PasswordOptions {

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the file's first line.")
    Path passwordFile;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this environment variable.")
    String passwordEnv;

    String read(CommandSpec spec, String user) throws IOException {
        if (passwordFile != null) {
            List<String> lines = Files.readAllLines(passwordFile);
            if (lines.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--password-file " + passwordFile + " is empty");
            }
            return lines.get(0);
        }
        if (passwordEnv != null) {
            String v = System.getenv(passwordEnv);
            if (v == null) {
                throw new ParameterException(spec.commandLine(), "environment variable " + passwordEnv + " is not set");
            }
            return v;
        }
        Console console = System.console();
        if (console == null) {
            throw new ParameterException(spec.commandLine(),
                    "no password: use --password-file or --password-env, or run in a terminal to be asked");
        }
        return new String(console.readPassword("Password for %s: ", user));
    }
}
