package dev.passgate.jobs;

import dev.passgate.security.AuditEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.admin.OperatorCommands;
import dev.passgate.security.racf.CommandResult;
import dev.passgate.testkit.Eventually;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import dev.passgate.testkit.TestPassGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The job monitor on real sockets: daemon logon, a ticket from the tickets miner, the job
 * monitor's own logon with it, and the job operations, as a client sees them.
 */
class JobMonitorEndToEndTest {

    @TempDir
    Path data;

    private RunningPassGate start(Map<String, String> extra) throws Exception {
        Path routes = data.resolve("routes");
        Files.createDirectories(routes);
        try (var in = getClass().getResourceAsStream("/jobs/test-jobs.camel.yaml")) {
            Files.copy(in, routes.resolve("test-jobs.camel.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> settings = new HashMap<>(extra);
        settings.putIfAbsent("passgate.jobs.port", Integer.toString(TestPassGate.freePort()));
        settings.put("passgate.jobs.host", "127.0.0.1");
        RunningPassGate pg = new RunningPassGate(data.resolve("data"), settings, routes);
        if (pg.passGate.security().users().exists("JOE")) {
            return pg;
        }
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER ANN PASSWORD(Secret1) NOEXPIRED",
                "PERMIT IRRPTAUTH.FEKAPPL.* CLASS(PTKTDATA) ID(JOE ANN) ACCESS(UPDATE)",
                "RDEFINE PTKTDATA IRRPTAUTH.JOBSAPPL.* UACC(NONE)",
                "PERMIT IRRPTAUTH.JOBSAPPL.* CLASS(PTKTDATA) ID(JOE ANN) ACCESS(UPDATE)");
        return pg;
    }

    private static int jobsPort(RunningPassGate pg) {
        return Integer.parseInt(pg.passGate.settings().string("passgate.jobs.port"));
    }

    /** A job-monitor ticket from the RSE session's tickets miner: the password is checked once, at the daemon. */
    private static String ticket(RunningPassGate pg, String user, String applid) throws Exception {
        try (LineClient rse = pg.session(user, "Secret1")) {
            JsonNode t = rse.request("{\"op\":\"tickets.generate\",\"applid\":\"" + applid + "\"}");
            assertEquals("OK", LineClient.code(t), t.toString());
            rse.request("{\"op\":\"logout\"}");
            return t.get("passticket").asText();
        }
    }

    private static JsonNode logon(LineClient jobs, String user, String ticket) throws Exception {
        return jobs.request("{\"op\":\"logon\",\"user\":\"" + user + "\",\"passticket\":\"" + ticket + "\"}");
    }

    private static LineClient jobMonitor(RunningPassGate pg, String user) throws Exception {
        LineClient jobs = new LineClient(jobsPort(pg));
        JsonNode r = logon(jobs, user, ticket(pg, user, "FEKAPPL"));
        assertEquals("OK", LineClient.code(r), r.toString());
        assertEquals(user, r.get("user").asText());
        assertNotNull(r.get("session").asText());
        return jobs;
    }

    private static String submit(LineClient jobs, String template, String params) throws Exception {
        JsonNode r = jobs.request("{\"op\":\"jobs.submit\",\"template\":\"" + template + "\",\"params\":" + params + "}");
        assertEquals("OK", LineClient.code(r), r.toString());
        assertEquals("INPUT", r.get("state").asText());
        return r.get("job").asText();
    }

    private static JsonNode status(LineClient jobs, String id) throws Exception {
        return jobs.request("{\"op\":\"jobs.status\",\"job\":\"" + id + "\"}");
    }

    private static JsonNode awaitState(LineClient jobs, String id, String state) throws Exception {
        JsonNode[] last = new JsonNode[1];
        Eventually.waitFor(Duration.ofSeconds(10), () -> {
            try {
                last[0] = status(jobs, id);
                return state.equals(last[0].path("state").asText());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return last[0];
    }

    private static CommandResult operator(RunningPassGate pg, String command) {
        return pg.context.getRegistry().lookupByNameAndType("passGateOperator", OperatorCommands.class)
                .execute(command, "OPER1");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void logonSubmitStatusOutputPurge() throws Exception {
        try (RunningPassGate pg = start(Map.of()); LineClient jobs = new LineClient(jobsPort(pg))) {
            assertEquals("BAD_REQUEST", LineClient.code(jobs.request(
                    "{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")), "the password stays at the daemon");
            assertEquals("NOT_AUTHORIZED", LineClient.code(jobs.request("{\"op\":\"logon\",\"trusted\":true}")),
                    "trusted logon is the daemon's setting, off here");
            assertEquals("OK", LineClient.code(logon(jobs, "JOE", ticket(pg, "JOE", "FEKAPPL"))),
                    "a third try on the same connection");
            assertEquals("JOE", jobs.request("{\"op\":\"whoami\"}").get("user").asText());
            assertEquals("NOT_AUTHORIZED", LineClient.code(jobs.request("{\"op\":\"files.list\",\"path\":\".\"}")),
                    "the job monitor's session runs the jobs miner only");
            assertTrue(operator(pg, "DISPLAY CLIENTS").lines().stream().anyMatch(l -> l.contains("JOE")
                    && l.contains(" jobs")), "its session is listed like a daemon session");

            String id = submit(jobs, "hello", "{\"who\":\"world\",\"lines\":4}");
            JsonNode done = awaitState(jobs, id, "OUTPUT");
            assertEquals(4, done.get("rc").asInt());
            assertEquals(4, done.get("lines").asInt());
            JsonNode out = jobs.request("{\"op\":\"jobs.output\",\"job\":\"" + id + "\"}");
            assertEquals(List.of("hello world 0", "hello world 1", "hello world 2", "hello world 3"),
                    texts(out.get("lines")));
            JsonNode page = jobs.request("{\"op\":\"jobs.output\",\"job\":\"" + id + "\",\"from\":1,\"max\":2}");
            assertEquals(List.of("hello world 1", "hello world 2"), texts(page.get("lines")));
            JsonNode list = jobs.request("{\"op\":\"jobs.list\"}");
            assertEquals(id, list.get("jobs").get(0).get("job").asText());
            assertTrue(operator(pg, "D JOBS,OWNER=JOE").lines().stream().anyMatch(l -> l.startsWith(id)
                    && l.contains("OUTPUT") && l.contains("HELLO")));

            JsonNode purged = jobs.request("{\"op\":\"jobs.purge\",\"job\":\"" + id + "\"}");
            assertEquals("OK", LineClient.code(purged), purged.toString());
            assertEquals("NOT_FOUND", LineClient.code(status(jobs, id)));
            assertEquals(1, pg.passGate.security().audit().query("JOE", AuditEvent.JOB_SUBMIT, 10).size());
            assertEquals(1, pg.passGate.security().audit().query("JOE", AuditEvent.JOB_PURGE, 10).size());
        }
    }

    @Test
    void badSubmitsGetProtocolErrors() throws Exception {
        try (RunningPassGate pg = start(Map.of()); LineClient jobs = jobMonitor(pg, "JOE")) {
            JsonNode missing = jobs.request("{\"op\":\"jobs.submit\",\"template\":\"HELLO\",\"params\":{}}");
            assertEquals("BAD_REQUEST", LineClient.code(missing));
            assertTrue(missing.at("/error/message").asText().contains("who"), missing.toString());
            assertEquals("NOT_FOUND", LineClient.code(jobs.request("{\"op\":\"jobs.submit\",\"template\":\"NOPE\"}")));
            assertEquals("BAD_REQUEST", LineClient.code(jobs.request(
                    "{\"op\":\"jobs.submit\",\"template\":\"HELLO\",\"params\":{\"who\":\"${sys:user.home}\"}}")),
                    "a parameter cannot smuggle an expression into the workflow");
            assertEquals("BAD_REQUEST", LineClient.code(jobs.request(
                    "{\"op\":\"jobs.submit\",\"template\":\"HELLO\",\"params\":{\"who\":\"x\",\"other\":1}}")));
            assertEquals("NOT_FOUND", LineClient.code(status(jobs, "J0000000")));
            assertEquals("BAD_REQUEST", LineClient.code(status(jobs, "../etc")));

            String id = submit(jobs, "BOOM", "{}");
            JsonNode failed = awaitState(jobs, id, "FAILED");
            assertTrue(failed.get("reason").asText().contains("the workflow gave up"), failed.toString());
        }
    }

    @Test
    void wrongApplidIsExplainedInTheLogAndReplayProtectionHolds() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try (RunningPassGate pg = start(Map.of("passgate.jobs.applid", "JOBSAPPL"))) {
            // The job monitor's own APPLID, replay-protected (no NO REPLAY PROTECTION in its APPLDATA).
            pg.admin("RDEFINE PTKTDATA JOBSAPPL SSIGNON(KEYMASKED(" + TestPassGate.LEGACY_KEY + "))");
            String daemonTicket = ticket(pg, "JOE", "FEKAPPL");
            try (LineClient jobs = new LineClient(jobsPort(pg))) {
                JsonNode r = logon(jobs, "JOE", daemonTicket);
                assertEquals("AUTH_FAILED", LineClient.code(r));
                assertFalse(r.toString().contains("FEKAPPL"), "the client learns nothing about APPLIDs");
            }
            String warning = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("Job monitor logon of JOE refused")).findFirst().orElseThrow();
            assertTrue(warning.contains("FEKAPPL") && warning.contains("JOBSAPPL"), warning);
            assertTrue(warning.contains("PERMIT IRRPTAUTH.JOBSAPPL.* CLASS(PTKTDATA) ID(JOE) ACCESS(UPDATE)"), warning);
            assertFalse(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains(daemonTicket)),
                    "no ticket in the log");
            CommandResult ivp = operator(pg, "IVP JOBS");
            assertTrue(ivp.lines().stream().anyMatch(l -> l.contains("DIFFERS") && l.contains("FEKAPPL")), ivp.lines()
                    .toString());
            assertEquals(0, ivp.returnCode(), ivp.lines().toString());

            String jobsTicket = ticket(pg, "JOE", "JOBSAPPL");
            try (LineClient first = new LineClient(jobsPort(pg))) {
                assertEquals("OK", LineClient.code(logon(first, "JOE", jobsTicket)));
            }
            try (LineClient again = new LineClient(jobsPort(pg))) {
                assertEquals("AUTH_FAILED", LineClient.code(logon(again, "JOE", jobsTicket)), "a replayed ticket");
            }
        } finally {
            root.detachAppender(logs);
        }
    }

    @Test
    void submitNeedsJesjobsWhenAProfileProtectsTheTemplate() throws Exception {
        try (RunningPassGate pg = start(Map.of())) {
            pg.admin("RDEFINE JESJOBS SUBMIT.HELLO UACC(NONE)", "PERMIT SUBMIT.HELLO CLASS(JESJOBS) ID(ANN) ACCESS(READ)");
            // The jobs miner of an RSE session: the same operations, the same checks.
            try (LineClient rse = pg.session("JOE", "Secret1")) {
                JsonNode r = rse.request("{\"op\":\"jobs.submit\",\"template\":\"HELLO\",\"params\":{\"who\":\"x\"}}");
                assertEquals("NOT_AUTHORIZED", LineClient.code(r), r.toString());
                assertEquals("OK", LineClient.code(rse.request(
                        "{\"op\":\"jobs.submit\",\"template\":\"BOOM\",\"params\":{}}")), "other templates stay open");
            }
            try (LineClient rse = pg.session("ANN", "Secret1")) {
                JsonNode r = rse.request("{\"op\":\"jobs.submit\",\"template\":\"HELLO\",\"params\":{\"who\":\"x\"}}");
                assertEquals("OK", LineClient.code(r), r.toString());
            }
            assertEquals("NOT_AUTHORIZED", pg.passGate.security().audit().query("JOE", AuditEvent.JOB_SUBMIT, 10).stream()
                    .filter(e -> e.detail().contains("HELLO")).findFirst().orElseThrow().outcome());
        }
    }

    @Test
    void runningJobsAreCancelledByTheirOwnerOrTheOperatorOnly() throws Exception {
        try (RunningPassGate pg = start(Map.of()); LineClient joe = jobMonitor(pg, "JOE");
                LineClient ann = jobMonitor(pg, "ANN")) {
            String id = submit(joe, "SLOW", "{}");
            awaitState(joe, id, "ACTIVE");
            Eventually.waitFor(Duration.ofSeconds(10), () -> {
                try {
                    return status(joe, id).get("lines").asInt() > 2;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals("NOT_AUTHORIZED", LineClient.code(ann.request("{\"op\":\"jobs.cancel\",\"job\":\"" + id + "\"}")));
            JsonNode c = joe.request("{\"op\":\"jobs.cancel\",\"job\":\"" + id + "\"}");
            assertEquals("CANCELLED", c.get("state").asText(), c.toString());
            JobMonitor monitor = pg.context.getRegistry().lookupByNameAndType(JobsModule.MONITOR, JobMonitor.class);
            Eventually.waitFor(() -> monitor.runner().running(id).isEmpty());
            assertEquals("CANCELLED", status(joe, id).get("state").asText());
            assertEquals("BAD_REQUEST", LineClient.code(joe.request("{\"op\":\"jobs.cancel\",\"job\":\"" + id + "\"}")));

            String second = submit(joe, "SLOW", "{}");
            awaitState(joe, second, "ACTIVE");
            CommandResult r = operator(pg, "CANCEL JOB=" + second);
            assertEquals(0, r.returnCode(), r.lines().toString());
            assertEquals("CANCELLED", status(joe, second).get("state").asText());
            assertEquals("OPER1", pg.passGate.security().audit().query("JOE", AuditEvent.JOB_CANCEL, 10).get(0).actor());
            Eventually.waitFor(() -> monitor.runner().running(second).isEmpty());
        }
    }

    @Test
    void anotherUsersOutputNeedsJesspoolRead() throws Exception {
        try (RunningPassGate pg = start(Map.of()); LineClient joe = jobMonitor(pg, "JOE");
                LineClient ann = jobMonitor(pg, "ANN")) {
            String id = submit(joe, "HELLO", "{\"who\":\"joe\"}");
            awaitState(joe, id, "OUTPUT");
            String output = "{\"op\":\"jobs.output\",\"job\":\"" + id + "\"}";
            assertEquals("NOT_AUTHORIZED", LineClient.code(ann.request(output)));
            assertEquals(0, ann.request("{\"op\":\"jobs.list\",\"owner\":\"JOE\"}").get("jobs").size());

            pg.admin("RDEFINE JESSPOOL JOE.** UACC(NONE)", "PERMIT JOE.** CLASS(JESSPOOL) ID(ANN) ACCESS(READ)");
            JsonNode shown = ann.request(output);
            assertEquals("OK", LineClient.code(shown), shown.toString());
            assertEquals("hello joe 0", shown.get("lines").get(0).asText());
            assertEquals(1, ann.request("{\"op\":\"jobs.list\",\"owner\":\"JOE\"}").get("jobs").size());
            assertEquals("NOT_AUTHORIZED", LineClient.code(ann.request("{\"op\":\"jobs.purge\",\"job\":\"" + id + "\"}")),
                    "purging another user's output needs ALTER");
        }
    }

    @Test
    void aRestartShowsWhatFinishedAndFailsWhatWasRunning() throws Exception {
        String finished;
        String running;
        try (RunningPassGate pg = start(Map.of()); LineClient joe = jobMonitor(pg, "JOE")) {
            finished = submit(joe, "HELLO", "{\"who\":\"a\"}");
            awaitState(joe, finished, "OUTPUT");
            running = submit(joe, "SLOW", "{}");
            awaitState(joe, running, "ACTIVE");
        }
        try (RunningPassGate pg = start(Map.of()); LineClient joe = jobMonitor(pg, "JOE")) {
            assertEquals("OUTPUT", status(joe, finished).get("state").asText());
            JsonNode failed = status(joe, running);
            assertEquals("FAILED", failed.get("state").asText());
            assertTrue(failed.get("reason").asText().contains("stopped") || failed.get("reason").asText()
                    .contains("restarted"), failed.toString());
        }
    }

    @Test
    void theSessionTimesOutOnQuartzAndRunsTheLoginAndLogoutExits() throws Exception {
        try (RunningPassGate pg = start(Map.of("passgate.exit.class", "dev.passgate.exit.RecordingExit",
                "passgate.session.idle-timeout", "1"))) {
            List<String> events = dev.passgate.exit.RecordingExit.of(pg).events();
            String ticket = ticket(pg, "JOE", "FEKAPPL");
            int loginsBefore = (int) events.stream().filter(e -> e.startsWith("login JOE")).count();
            try (LineClient jobs = new LineClient(jobsPort(pg))) {
                JsonNode r = logon(jobs, "JOE", ticket);
                assertEquals("OK", LineClient.code(r), r.toString());
                assertEquals(1, r.get("idleTimeout").asInt());
                assertEquals(loginsBefore + 1, events.stream().filter(e -> e.startsWith("login JOE")).count());
                JsonNode event = jobs.read();
                assertEquals("timeout", event.get("event").asText(), event.toString());
                assertTrue(jobs.closedByServer());
            }
            Eventually.waitFor(() -> events.stream().filter(e -> e.startsWith("logout JOE timeout")).count() == 1);
            assertTrue(pg.passGate.security().audit().query("JOE", AuditEvent.LOGOUT, 10).stream()
                    .anyMatch(e -> "TIMEOUT".equals(e.outcome())));
        }
    }

    @Test
    void metricsCountJobsByState() throws Exception {
        try (RunningPassGate pg = start(Map.of()); LineClient joe = jobMonitor(pg, "JOE")) {
            String id = submit(joe, "HELLO", "{\"who\":\"m\"}");
            awaitState(joe, id, "OUTPUT");
            String scrape = pg.context.getRegistry().lookupByNameAndType("passGateMeterRegistry",
                    io.micrometer.prometheusmetrics.PrometheusMeterRegistry.class).scrape();
            assertTrue(scrape.lines().anyMatch(l -> l.startsWith("passgate_jobs{state=\"OUTPUT\"} 1")), scrape);
            assertTrue(scrape.lines().anyMatch(l -> l.startsWith("passgate_jobs{state=\"ACTIVE\"} 0")), scrape);
        }
    }
}
