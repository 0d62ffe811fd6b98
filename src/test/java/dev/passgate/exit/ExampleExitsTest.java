package dev.passgate.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.testkit.Eventually;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped Java example exit, compiled from config/examples/ as an installation would. */
class ExampleExitsTest {

    @TempDir
    Path data;
    @TempDir
    Path classes;

    @Test
    void sessionLimitExitRefusesMoreThanNSessionsButNeverCountsFailedLogons() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                "config/examples/SessionLimitExit.java");
        assertEquals(0, rc, "the example compiles against PassGate");
        ClassLoader saved = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, saved)) {
            Thread.currentThread().setContextClassLoader(loader);
            try (RunningPassGate pg = new RunningPassGate(data, Map.of("passgate.exit.class", "SessionLimitExit",
                    "passgate.examples.session-limit", "2"))) {
                pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
                for (int i = 0; i < 3; i++) {
                    assertEquals("AUTH_FAILED", pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"typo\"}")
                            .at("/error/code").asText());
                }
                LineClient first = pg.session("JOE", "Secret1");
                LineClient second = pg.session("JOE", "Secret1");
                JsonNode third = pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}");
                assertEquals("EXIT_REJECTED", third.at("/error/code").asText());
                first.request("{\"op\":\"logout\"}");
                first.close();
                // The logout exit has run when the count in the UXB is back to one.
                Eventually.waitFor(() -> ((java.util.concurrent.atomic.AtomicInteger) pg.passGate.daemon().exits()
                        .uxb("JOE", "127.0.0.1")).get() == 1);
                assertTrue(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}").get("ok").asBoolean(),
                        "a logout frees a place");
                second.close();
            }
        } finally {
            Thread.currentThread().setContextClassLoader(saved);
        }
    }
}
