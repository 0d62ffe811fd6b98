package dev.passgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.testkit.Eventually;
import dev.passgate.support.ServeProcess;
import dev.passgate.testkit.TestPassGate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/passgate} puts every jar of the {@code lib/} folder beside {@code bin/} on the
 * class path: the shipped example exit, compiled into a jar there as the README shows, is found by
 * {@code passgate.exit.class}.
 */
class LibFolderIT {

    @TempDir
    Path work;

    @Test
    void anExitClassInLibIsFoundByServe() throws Exception {
        // An installation: bin/passgate, the packaged jar, and lib/ with the integrator's jar.
        Path home = Files.createDirectories(work.resolve("home"));
        Path script = Files.createDirectories(home.resolve("bin")).resolve("passgate");
        Files.copy(ServeProcess.SCRIPT, script, StandardCopyOption.COPY_ATTRIBUTES);
        Path link = Files.createDirectories(home.resolve("target")).resolve("passgate.jar");
        Files.createSymbolicLink(link, Path.of("target/passgate.jar").toAbsolutePath());
        exitJar(Files.createDirectories(home.resolve("lib")).resolve("session-limit-exit.jar"));

        Map<String, String> env = ServeProcess.environment(work, TestPassGate.freePort(), TestPassGate.freePort());
        env.put("PASSGATE_JOBS_PORT", "0");
        env.put("PASSGATE_EXIT_CLASS", "SessionLimitExit");
        Path log = work.resolve("serve.log");
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "serve", "--data", work.resolve("data").toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process serve = pb.start();
        try {
            Eventually.waitFor(Duration.ofSeconds(90), () -> read(log).contains("PassGate started") || !serve.isAlive());
            assertTrue(serve.isAlive(), read(log));
            Eventually.waitFor(Duration.ofSeconds(10), () -> read(log).contains("Login exits initialised"));
            assertTrue(read(log).contains("Login exits initialised"), read(log));
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(serve.pid())).start().waitFor());
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
        } finally {
            serve.destroyForcibly();
            Files.deleteIfExists(link); // the link only: JUnit warns when it has to remove one pointing outside
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles config/examples/SessionLimitExit.java into a jar of its own, as the README's two commands do. */
    private void exitJar(Path jar) throws IOException {
        Path classes = Files.createDirectories(work.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", Path.of("target/passgate.jar").toAbsolutePath().toString(),
                Path.of("config/examples/SessionLimitExit.java").toAbsolutePath().toString());
        assertEquals(0, rc, "the example exit compiles against the packaged jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("SessionLimitExit.class"));
            j.write(Files.readAllBytes(classes.resolve("SessionLimitExit.class")));
            j.closeEntry();
        }
    }
}
