package dev.passgate.cli;

import java.nio.file.Path;

/** The PassGate home: {@code -Dpassgate.home} (bin/passgate sets it), else the working directory. */
final class Home {

    private Home() {
    }

    static Path path() {
        return Path.of(System.getProperty("passgate.home", ".")).toAbsolutePath().normalize();
    }
}
