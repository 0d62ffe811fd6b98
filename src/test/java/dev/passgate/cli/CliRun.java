package dev.passgate.cli;

import dev.passgate.testkit.TestPassGate;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the CLI in the test's JVM as a user would run it, with the test master key and cheap
 * hashing set for the duration of each test ({@code @RegisterExtension CliRun cli = new CliRun()}).
 */
final class CliRun implements BeforeEachCallback, AfterEachCallback {

    /** What one command printed and returned. */
    record Result(int exit, String out, String err) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        System.setProperty("passgate.security.master-key", TestPassGate.MASTER_KEY);
        System.setProperty("passgate.security.password-iterations", TestPassGate.TEST_ITERATIONS);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.clearProperty("passgate.security.master-key");
        System.clearProperty("passgate.security.password-iterations");
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PassGateCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }
}
