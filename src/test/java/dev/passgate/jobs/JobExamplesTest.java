package dev.passgate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.testkit.Eventually;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import dev.passgate.testkit.TestPassGate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two job templates shipped in config/examples/, installed as an integrator would: copied into the routes folder. */
class JobExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private RunningPassGate start() throws Exception {
        Path routes = data.resolve("routes");
        Files.createDirectories(routes);
        for (String example : new String[] {"job-write-report.camel.yaml", "job-third-app-signon.camel.yaml"}) {
            Files.copy(Path.of("config/examples", example), routes.resolve(example));
        }
        RunningPassGate pg = new RunningPassGate(data.resolve("data"), Map.of(), routes);
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
        return pg;
    }

    private static JsonNode awaitEnd(LineClient s, String id) throws Exception {
        JsonNode[] last = new JsonNode[1];
        Eventually.waitFor(Duration.ofSeconds(15), () -> {
            try {
                last[0] = s.request("{\"op\":\"jobs.status\",\"job\":\"" + id + "\"}");
                return !last[0].path("state").asText().matches("INPUT|ACTIVE");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return last[0];
    }

    private static String submit(LineClient s, String template, String params) throws Exception {
        JsonNode r = s.request("{\"op\":\"jobs.submit\",\"template\":\"" + template + "\",\"params\":" + params + "}");
        assertEquals("OK", LineClient.code(r), r.toString());
        return r.get("job").asText();
    }

    @Test
    void reportTemplateWritesIntoTheOwnersHomeUnderTheFilesMinersRules() throws Exception {
        try (RunningPassGate pg = start(); LineClient s = pg.session("JOE", "Secret1")) {
            String id = submit(s, "REPORT", "{\"path\":\"today.txt\",\"text\":\"all quiet\"}");
            JsonNode done = awaitEnd(s, id);
            assertEquals("OUTPUT", done.get("state").asText(), done.toString());
            JsonNode read = s.request("{\"op\":\"files.read\",\"path\":\"today.txt\"}");
            assertEquals("Report by JOE: all quiet", read.get("content").asText());
            JsonNode out = s.request("{\"op\":\"jobs.output\",\"job\":\"" + id + "\"}");
            assertEquals("wrote today.txt", out.get("lines").get(0).asText());

            // Outside the home the files miner refuses JOE, so the job fails: it ran as JOE, not as PassGate.
            String outside = submit(s, "REPORT", "{\"path\":\"/u/ANN/planted.txt\"}");
            JsonNode refused = awaitEnd(s, outside);
            assertEquals("FAILED", refused.get("state").asText(), refused.toString());
            assertTrue(refused.get("reason").asText().contains("ProtocolException"), refused.toString());
            assertFalse(Files.exists(data.resolve("data/files/u/ANN/planted.txt")));
        }
    }

    @Test
    void signonTemplateLogsTheOwnerOnToAThirdApplicationWithAPassTicket() throws Exception {
        try (RunningPassGate pg = start(); LineClient s = pg.session("JOE", "Secret1");
                ServerSocket thirdApp = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            pg.admin("RDEFINE PTKTDATA CICSPROD SSIGNON(KEYMASKED(" + TestPassGate.LEGACY_KEY + "))");
            // The third application: reads one logon line and checks its ticket as CICS would.
            CompletableFuture<String> seenUser = CompletableFuture.supplyAsync(() -> {
                try (Socket c = thirdApp.accept()) {
                    var in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8));
                    JsonNode logon = JSON.readTree(in.readLine());
                    boolean valid = pg.passGate.security().passTicketEvaluator().evaluate(logon.get("user").asText(),
                            "CICSPROD", logon.get("passticket").asText()).valid();
                    c.getOutputStream().write(("{\"ok\":" + valid + ",\"user\":\"" + logon.get("user").asText()
                            + "\"}\n").getBytes(StandardCharsets.UTF_8));
                    c.getOutputStream().flush();
                    return logon.get("user").asText() + (valid ? " valid" : " invalid");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String id = submit(s, "SIGNON", "{\"applid\":\"CICSPROD\",\"port\":" + thirdApp.getLocalPort() + "}");
            JsonNode done = awaitEnd(s, id);
            assertEquals("JOE valid", seenUser.get(10, TimeUnit.SECONDS));
            assertEquals("OUTPUT", done.get("state").asText(), done.toString());
            assertEquals(0, done.get("rc").asInt());
            String line = s.request("{\"op\":\"jobs.output\",\"job\":\"" + id + "\"}").get("lines").get(0).asText();
            assertTrue(line.startsWith("CICSPROD answered: {\"ok\":true"), line);
            assertFalse(line.contains("passticket"), line);
        }
    }
}
