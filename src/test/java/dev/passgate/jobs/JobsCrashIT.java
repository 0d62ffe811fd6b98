package dev.passgate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.testkit.Eventually;
import dev.passgate.testkit.LineClient;
import dev.passgate.support.ServeProcess;
import dev.passgate.testkit.TestPassGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/passgate serve killed with -9 while a job runs: the next start still has every job whose
 * submit was answered, shows the finished one with its output, and fails the running one with
 * the reason.
 */
class JobsCrashIT {

    @TempDir
    Path work;

    @Test
    void killMinusNineKeepsSubmittedJobsAndFailsTheRunningOne() throws Exception {
        Path data = work.resolve("data");
        int daemonPort = TestPassGate.freePort();
        int jobsPort = TestPassGate.freePort();
        Map<String, String> env = ServeProcess.environment(work, daemonPort, TestPassGate.freePort());
        Path routes = Files.createDirectories(work.resolve("routes"));
        try (var in = getClass().getResourceAsStream("/jobs/test-jobs.camel.yaml")) {
            Files.copy(in, routes.resolve("test-jobs.camel.yaml"));
        }
        env.put("PASSGATE_ROUTES_DIR", routes.toString());
        env.put("PASSGATE_JOBS_PORT", Integer.toString(jobsPort));
        env.put("PASSGATE_JOBS_HOST", "127.0.0.1");

        String finished;
        String running;
        try (ServeProcess serve = ServeProcess.start(work, env, "serve", "--data", data.toString())) {
            serve.await("PassGate started", 90);
            for (String c : new String[] {"ADDUSER JOE PASSWORD(Secret1) NOEXPIRED",
                    "PERMIT IRRPTAUTH.FEKAPPL.* CLASS(PTKTDATA) ID(JOE) ACCESS(UPDATE)"}) {
                var r = ServeProcess.run(work, env, "admin", "--data", data.toString(), c);
                assertEquals(0, r.getKey(), r.getValue());
            }
            try (LineClient jobs = jobMonitor(daemonPort, jobsPort)) {
                finished = submit(jobs, "HELLO", "{\"who\":\"crash\"}");
                await(jobs, finished, "OUTPUT");
                running = submit(jobs, "SLOW", "{}");
                await(jobs, running, "ACTIVE");
            }
            serve.crash();
        }
        try (ServeProcess serve = ServeProcess.start(work, env, "serve", "--data", data.toString());) {
            serve.await("PassGate started", 90);
            try (LineClient jobs = jobMonitor(daemonPort, jobsPort)) {
                JsonNode done = status(jobs, finished);
                assertEquals("OUTPUT", done.get("state").asText(), done.toString());
                assertEquals(4, done.get("rc").asInt());
                assertEquals("hello crash 2", jobs.request("{\"op\":\"jobs.output\",\"job\":\"" + finished + "\"}")
                        .get("lines").get(2).asText());
                JsonNode failed = status(jobs, running);
                assertEquals("FAILED", failed.get("state").asText(), failed.toString());
                assertTrue(failed.get("reason").asText().contains("restarted"), failed.toString());
            }
        }
    }

    private static LineClient jobMonitor(int daemonPort, int jobsPort) throws Exception {
        String ticket;
        JsonNode granted;
        try (LineClient daemon = new LineClient(daemonPort)) {
            granted = daemon.request("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}");
        }
        assertEquals("OK", LineClient.code(granted), granted.toString());
        try (LineClient rse = new LineClient(granted.get("port").asInt())) {
            assertEquals("OK", LineClient.code(rse.request("{\"op\":\"connect\",\"clientId\":\""
                    + granted.get("clientId").asText() + "\"}")));
            ticket = rse.request("{\"op\":\"tickets.generate\",\"applid\":\"FEKAPPL\"}").get("passticket").asText();
        }
        LineClient jobs = new LineClient(jobsPort);
        JsonNode r = jobs.request("{\"op\":\"logon\",\"user\":\"JOE\",\"passticket\":\"" + ticket + "\"}");
        assertEquals("OK", LineClient.code(r), r.toString());
        return jobs;
    }

    private static String submit(LineClient jobs, String template, String params) throws Exception {
        JsonNode r = jobs.request("{\"op\":\"jobs.submit\",\"template\":\"" + template + "\",\"params\":" + params + "}");
        assertEquals("OK", LineClient.code(r), r.toString());
        return r.get("job").asText();
    }

    private static JsonNode status(LineClient jobs, String id) throws Exception {
        return jobs.request("{\"op\":\"jobs.status\",\"job\":\"" + id + "\"}");
    }

    private static void await(LineClient jobs, String id, String state) throws Exception {
        Eventually.waitFor(Duration.ofSeconds(15), () -> {
            try {
                return state.equals(status(jobs, id).path("state").asText());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
