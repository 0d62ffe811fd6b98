package dev.passgate.daemon;

import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.testkit.Eventually;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import dev.passgate.testkit.TestPassGate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three port rules, the handoff's limits and thread-pool selection, as clients see them. */
class PortHandoffTest {

    @TempDir
    Path data;


    private RunningPassGate start(Map<String, String> settings) throws Exception {
        RunningPassGate pg = new RunningPassGate(data, settings);
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
        return pg;
    }

    private static int firstOfFreeRun(int length) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(10_000, 30_000); // below the ephemeral range
            boolean free = true;
            for (int p = first; p < first + length && free; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                    free = true;
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IOException("no free run of ports");
    }

    @Test
    void aClientsPortIsUsedOrRefusedWithNothingElseTried() throws Exception {
        try (RunningPassGate pg = start(Map.of())) {
            int wanted = TestPassGate.freePort();
            JsonNode r = pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\",\"port\":" + wanted + "}");
            assertEquals(wanted, r.get("port").asInt());
            try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                assertEquals("PORT_UNAVAILABLE", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\","
                        + "\"port\":" + busy.getLocalPort() + "}")));
            }
            assertEquals(1, pg.passGate.daemon().pools().pools().get(0).clients(),
                    "only the first logon's handoff holds a place; the refused one gave its place back");
        }
    }

    @Test
    void clientPortsCanBeDenied() throws Exception {
        try (RunningPassGate pg = start(Map.of("passgate.server.deny-client-port", "true"))) {
            JsonNode r = pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\",\"port\":40555}");
            assertEquals("PORT_UNAVAILABLE", code(r));
            assertTrue(r.at("/error/message").asText().contains("deny-client-port"));
        }
    }

    @Test
    void withARangeSerialLogonsReuseItsFirstPortAndAFullRangeIsUnavailable() throws Exception {
        int first = firstOfFreeRun(2);
        try (RunningPassGate pg = start(Map.of("passgate.server.port-range", first + "-" + (first + 1)))) {
            for (int i = 0; i < 3; i++) {
                JsonNode serial = pg.logon("JOE", "Secret1");
                assertEquals(first, serial.get("port").asInt(), "serial logons reuse the range's first port");
                pg.connect(serial).close(); // the listener closes once its client is in
            }
            JsonNode a = pg.logon("JOE", "Secret1");
            JsonNode b = pg.logon("JOE", "Secret1");
            assertEquals(first, a.get("port").asInt());
            assertEquals(first + 1, b.get("port").asInt(), "simultaneous handoffs spread over the range");
            assertEquals("PORT_UNAVAILABLE", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")));
            pg.connect(a).close();
            assertEquals(first, pg.logon("JOE", "Secret1").get("port").asInt(), "the first port is free again");
        }
    }

    @Test
    void theHandoffTimesOutAndGivesEverythingBack() throws Exception {
        try (RunningPassGate pg = start(Map.of("passgate.server.handoff-timeout", "1"))) {
            JsonNode r = pg.logon("JOE", "Secret1");
            assertEquals(1, r.get("expiresIn").asInt());
            Eventually.waitFor(() -> pg.passGate.daemon().clientIds().size() == 0);
            Eventually.waitFor(() -> pg.passGate.daemon().pools().pools().get(0).clients() == 0);
            try (LineClient late = new LineClient(r.get("port").asInt())) {
                assertNull(late.request("{\"op\":\"connect\",\"clientId\":\"" + r.get("clientId").asText() + "\"}"));
            } catch (IOException refused) {
                // the listener is gone: connection refused is the expected outcome too
            }
        }
    }

    @Test
    void wrongReusedAndForeignClientIdsAreRefusedAndTheListenerWaitsForTheRightClient() throws Exception {
        try (RunningPassGate pg = start(Map.of())) {
            JsonNode r = pg.logon("JOE", "Secret1");
            int port = r.get("port").asInt();
            String good = "{\"op\":\"connect\",\"clientId\":\"" + r.get("clientId").asText() + "\"}";
            try (LineClient wrong = new LineClient(port)) {
                assertEquals("INVALID_CLIENT_ID", code(wrong.request("{\"op\":\"connect\",\"clientId\":\"made-up\"}")));
                assertTrue(wrong.closedByServer());
            }
            try (LineClient foreign = new LineClient("127.0.0.2", port)) {
                JsonNode refused = foreign.request(good);
                assertEquals("INVALID_CLIENT_ID", code(refused));
                assertFalse(refused.toString().contains(r.get("clientId").asText()), "the ID is never echoed");
            }
            pg.connect(r).close();
            try (LineClient reuse = new LineClient(pg.logon("JOE", "Secret1").get("port").asInt())) {
                assertEquals("INVALID_CLIENT_ID", code(reuse.request(good)), "a used ID is spent");
            }
        }
    }

    @Test
    void aClientThatVanishesMidHandshakeLeavesTheListenerToTheRightOne() throws Exception {
        try (RunningPassGate pg = start(Map.of())) {
            JsonNode r = pg.logon("JOE", "Secret1");
            new LineClient(r.get("port").asInt()).close(); // connects and goes without a word
            try (LineClient half = new LineClient(r.get("port").asInt())) {
                half.sendRaw("{\"op\":\"conn".getBytes(java.nio.charset.StandardCharsets.UTF_8)); // half a line, then gone
            }
            pg.connect(r).close();
            assertEquals(0, pg.passGate.daemon().clientIds().size());
        }
    }

    @Test
    void poolsFillThenStartThenRunOut() throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("passgate.pools.max-clients", "2", "passgate.pools.max", "2"));
        try (RunningPassGate pg = start(settings)) {
            pg.admin("ADDUSER ANN PASSWORD(Secret2) NOEXPIRED");
            assertEquals(1, pg.logon("JOE", "Secret1").get("pool").asInt());
            assertEquals(1, pg.logon("ANN", "Secret2").get("pool").asInt());
            assertEquals(2, pg.logon("JOE", "Secret1").get("pool").asInt());
            assertEquals(2, pg.logon("ANN", "Secret2").get("pool").asInt());
            assertEquals("POOLS_EXHAUSTED", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")));
        }
    }

    @Test
    void anAdvertisedHostIsSentForClientsBehindNat() throws Exception {
        try (RunningPassGate pg = start(Map.of("passgate.server.advertised-host", "gateway.example"))) {
            assertEquals("gateway.example", pg.logon("JOE", "Secret1").get("host").asText());
        }
    }
}
