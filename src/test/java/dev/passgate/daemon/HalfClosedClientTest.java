package dev.passgate.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.testkit.RunningPassGate;
import dev.passgate.testkit.TestPassGate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that sends its line and half-closes ({@code echo ... | nc -q1 host 4035}, or
 * {@code shutdown(SHUT_WR)}) still gets its reply, then the server closes the connection.
 */
class HalfClosedClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    private RunningPassGate pg;
    private int jobsPort;

    @BeforeEach
    void start() throws Exception {
        jobsPort = TestPassGate.freePort();
        pg = new RunningPassGate(data, Map.of("passgate.jobs.port", Integer.toString(jobsPort)));
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
    }

    @AfterEach
    void stop() throws Exception {
        pg.close();
    }

    /** Sends the line, shuts the socket's output, and reads to the end: every line the server sent before closing. */
    private static String halfClosed(int port, String line) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000); // a server that never closes fails the read, not the build's patience
            s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            s.shutdownOutput();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder all = new StringBuilder();
            for (String l; (l = in.readLine()) != null; ) {
                all.append(l).append('\n');
            }
            return all.toString();
        }
    }

    @Test
    void aSuccessfulLogonIsAnsweredWithItsPortAndClientId() throws Exception {
        String reply = halfClosed(pg.daemonPort, "{\"op\":\"logon\",\"user\":\"joe\",\"password\":\"Secret1\"}");
        assertEquals(1, reply.lines().count(), reply);
        JsonNode granted = JSON.readTree(reply);
        assertTrue(granted.path("ok").asBoolean(), reply);
        assertTrue(granted.path("port").asInt() > 0 && granted.hasNonNull("clientId"), reply);
    }

    @Test
    void aRefusedLogonIsAnsweredAndTheConnectionClosesInsteadOfWaitingForTheNextAttempt() throws Exception {
        String reply = halfClosed(pg.daemonPort, "{\"op\":\"logon\",\"user\":\"joe\",\"password\":\"Wrong1\"}");
        assertEquals("AUTH_FAILED", JSON.readTree(reply).path("error").path("code").asText(), reply);
    }

    @Test
    void theJobMonitorAnswersAHalfClosedClientToo() throws Exception {
        String reply = halfClosed(jobsPort, "{\"op\":\"logon\",\"user\":\"joe\",\"passticket\":\"NOTVALID\"}");
        assertEquals("AUTH_FAILED", JSON.readTree(reply).path("error").path("code").asText(), reply);
    }
}
