package dev.passgate.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where a client command takes the user's password from: a file, an environment variable or
 * the terminal, never the command line itself (which other local users can read). A new
 * password (to change an expired one at logon) comes from a file too.
 */
final class PasswordOptions {

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the file's first line.")
    Path passwordFile;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this environment variable.")
    String passwordEnv;

    @Option(names = "--new-password-file", paramLabel = "FILE",
            description = "Change the password at this logon (as an expired one must be) to the file's first line.")
    Path newPasswordFile;

    String read(CommandSpec spec, String user) throws IOException {
        if (passwordFile != null) {
            return firstLine(spec, passwordFile, "--password-file", "password");
        }
        if (passwordEnv != null) {
            String v = System.getenv(passwordEnv);
            if (v == null) {
                throw new ParameterException(spec.commandLine(), "environment variable " + passwordEnv
                        + " is not set (export it, or give --password-file FILE)");
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

    /** The new password, when --new-password-file was given. */
    Optional<String> newPassword(CommandSpec spec) throws IOException {
        return newPasswordFile == null ? Optional.empty()
                : Optional.of(firstLine(spec, newPasswordFile, "--new-password-file", "new password"));
    }

    private static String firstLine(CommandSpec spec, Path file, String option, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), what + " file " + file + " not found (give " + option
                    + " a file whose first line is the " + what + ")");
        }
        if (!Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), what + " file " + file + " cannot be read by this user"
                    + " (check its owner and mode)");
        }
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw new ParameterException(spec.commandLine(), option + " " + file + " is empty (its first line is the "
                    + what + ")");
        }
        return lines.get(0);
    }
}
