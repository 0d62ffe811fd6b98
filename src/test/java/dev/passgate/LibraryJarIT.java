package dev.passgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two jars the build makes: the library (the Maven artifact a host depends on) carries no
 * logging configuration of its own, so a host's {@code logback.xml} stays the only one; the CLI
 * jar brings logback, its configuration and picocli.
 */
class LibraryJarIT {

    @Test
    void theLibraryJarHasNoLoggingConfigurationAndTheCliJarHasIt() throws Exception {
        List<Path> libraries;
        try (Stream<Path> target = Files.list(Path.of("target"))) {
            libraries = target.filter(p -> p.getFileName().toString().matches("passgate-\\d[^-]*(-SNAPSHOT)?\\.jar")).toList();
        }
        assertEquals(1, libraries.size(), libraries.toString());
        try (JarFile library = new JarFile(libraries.get(0).toFile())) {
            assertNotNull(library.getEntry("dev/passgate/PassGate.class"));
            assertNotNull(library.getEntry("passgate/routes/daemon.camel.yaml"));
            assertNull(library.getEntry("logback.xml"), "a host would see two logback.xml files");
            assertNull(library.getEntry("routes/daemon.camel.yaml"), "a host's routes/* pattern would load it");
            assertFalse(library.stream().anyMatch(e -> e.getName().startsWith("ch/qos/logback/")));
        }
        try (JarFile cli = new JarFile("target/passgate.jar")) {
            assertNotNull(cli.getEntry("logback.xml"));
            assertNotNull(cli.getEntry("ch/qos/logback/classic/LoggerContext.class"));
            assertNotNull(cli.getEntry("picocli/CommandLine.class"));
        }
    }
}
