package dev.passgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.testkit.Eventually;
import dev.passgate.testkit.RunningPassGate;
import dev.passgate.testkit.TestPassGate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** passgate jobs: daemon logon, ticket, job monitor logon and one operation, with the password typed once. */
class JobsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(RunningPassGate pg, Path password, String... extra) {
        List<String> args = new ArrayList<>(List.of("jobs", "--host", "127.0.0.1", "--port",
                Integer.toString(pg.daemonPort), "--jobs-port", pg.passGate.settings().string("passgate.jobs.port"),
                "--user", "joe", "--password-file", password.toString()));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PassGateCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void submitThenReadTheOutput() throws Exception {
        Path routes = Files.createDirectories(data.resolve("routes"));
        try (var in = getClass().getResourceAsStream("/jobs/test-jobs.camel.yaml")) {
            Files.copy(in, routes.resolve("test-jobs.camel.yaml"));
        }
        try (RunningPassGate pg = new RunningPassGate(data.resolve("data"), Map.of("passgate.jobs.port",
                Integer.toString(TestPassGate.freePort()), "passgate.jobs.host", "127.0.0.1"), routes)) {
            pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED",
                    "PERMIT IRRPTAUTH.FEKAPPL.* CLASS(PTKTDATA) ID(JOE) ACCESS(UPDATE)");
            Path password = Files.writeString(data.resolve("pw"), "Secret1\n");

            Run submitted = run(pg, password, "--op", "jobs.submit", "--template", "HELLO", "--param", "who=cli");
            assertEquals(0, submitted.exit, submitted.err);
            String id = JSON.readTree(submitted.out).get("job").asText();
            Eventually.waitFor(Duration.ofSeconds(10), () -> run(pg, password, "--op", "jobs.status", "--job", id)
                    .out.contains("\"state\":\"OUTPUT\""));
            Run output = run(pg, password, "--op", "jobs.output", "--job", id);
            JsonNode lines = JSON.readTree(output.out).get("lines");
            assertEquals("hello cli 0", lines.get(0).asText());
            assertFalse(output.out.contains("Secret1") || output.err.contains("Secret1"));

            Run missing = run(pg, password, "--op", "jobs.status", "--job", "J0000000");
            assertEquals(1, missing.exit);
            assertTrue(missing.out.contains("NOT_FOUND"), missing.out);
        }
    }
}
