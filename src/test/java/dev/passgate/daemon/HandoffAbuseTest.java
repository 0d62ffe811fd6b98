package dev.passgate.daemon;

import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.PassGate;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.testkit.Eventually;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an attacker with a valid account tried against the port handoff, as clients see it:
 * redeeming an own client ID on someone else's port, abandoning handoffs to hold pool
 * places and ports, and filling the port range with one account or from one address.
 */
class HandoffAbuseTest {

    private static final String WHOAMI = "{\"op\":\"whoami\"}";

    @TempDir
    Path data;

    private RunningPassGate start(Map<String, String> settings) throws Exception {
        RunningPassGate pg = new RunningPassGate(data, settings);
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER ANN PASSWORD(Secret2) NOEXPIRED",
                "ADDUSER BOB PASSWORD(Secret3) NOEXPIRED");
        return pg;
    }

    private static String connectLine(JsonNode logon) {
        return "{\"op\":\"connect\",\"clientId\":\"" + logon.get("clientId").asText() + "\"}";
    }

    private static String logonLine(String user, String password) {
        return "{\"op\":\"logon\",\"user\":\"" + user + "\",\"password\":\"" + password + "\"}";
    }

    /** A logon from another loopback address ("another machine"). */
    private static JsonNode logonFrom(RunningPassGate pg, String from, String user, String password) throws IOException {
        try (LineClient daemon = new LineClient(from, pg.daemonPort)) {
            return daemon.request(logonLine(user, password));
        }
    }

    /** A PassGate meter's value as /observe/metrics shows it. */
    private static double meter(RunningPassGate pg, String name) {
        String scrape = pg.context.getRegistry().lookupByNameAndType("passGateMeterRegistry", PrometheusMeterRegistry.class)
                .scrape();
        return scrape.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(l.split(" ")[1]))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not in " + scrape));
    }

    private static boolean nothingPending(RunningPassGate pg) {
        return pg.passGate.daemon().clientIds().size() == 0 && meter(pg, "passgate_handoffs_pending") == 0
                && meter(pg, "passgate_pool_clients") == 0;
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    private static int firstOfFreeRun(int length) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(10_000, 30_000); // below the ephemeral range
            boolean free = true;
            for (int p = first; p < first + length && free; p++) {
                free = bindable(p);
            }
            if (free) {
                return first;
            }
        }
        throw new IOException("no free run of ports");
    }

    @Test
    void aClientIdIsRedeemableOnlyOnThePortMadeForIt() throws Exception {
        try (RunningPassGate pg = start(Map.of())) {
            JsonNode a = pg.logon("JOE", "Secret1");
            JsonNode b = pg.logon("ANN", "Secret2");
            try (LineClient intruder = new LineClient(a.get("port").asInt())) {
                JsonNode refused = intruder.request(connectLine(b));
                assertEquals("INVALID_CLIENT_ID", code(refused), "B's own ID on A's port");
                assertFalse(refused.toString().contains(b.get("clientId").asText()), "the ID is never echoed");
                assertTrue(intruder.closedByServer());
            }
            try (LineClient joe = pg.connect(a); LineClient ann = pg.connect(b)) {
                assertEquals("JOE", joe.request(WHOAMI).get("user").asText(), "A still gets in on its own port");
                assertEquals("ANN", ann.request(WHOAMI).get("user").asText(), "B's own handoff still works");
                assertEquals(0, pg.passGate.daemon().clientIds().size());
                assertEquals(2, meter(pg, "passgate_pool_clients"), "one place per session, none left over");
            }
        }
    }

    @Test
    void abandonedAndDisplacedHandoffsGiveEverythingBackAtTheirTimeout() throws Exception {
        int first = firstOfFreeRun(2);
        Map<String, String> settings = new HashMap<>(Map.of("passgate.server.handoff-timeout", "1",
                "passgate.pools.max-clients", "2", "passgate.pools.max", "1",
                "passgate.server.port-range", first + "-" + (first + 1)));
        try (RunningPassGate pg = start(settings)) {
            for (int round = 0; round < 3; round++) {
                JsonNode a = pg.logon("JOE", "Secret1");
                JsonNode b = pg.logon("ANN", "Secret2");
                try (LineClient intruder = new LineClient(a.get("port").asInt())) {
                    assertEquals("INVALID_CLIENT_ID", code(intruder.request(connectLine(b))));
                }
                assertEquals(2, meter(pg, "passgate_handoffs_pending"));
                assertEquals("POOLS_EXHAUSTED", code(pg.logon(logonLine("BOB", "Secret3"))),
                        "while both wait, the small pool is full");
                // Neither client comes back: both handoffs expire and give back place, port and ID.
                Eventually.waitFor(Duration.ofSeconds(5), () -> nothingPending(pg));
                Eventually.waitFor(() -> bindable(first) && bindable(first + 1));
            }
            try (LineClient joe = pg.session("JOE", "Secret1"); LineClient bob = pg.session("BOB", "Secret3")) {
                assertEquals("JOE", joe.request(WHOAMI).get("user").asText(), "logons keep working");
                assertEquals("BOB", bob.request(WHOAMI).get("user").asText());
            }
        }
    }

    @Test
    void oneUsersPendingHandoffsAreCappedWhileOthersStillGetAPort() throws Exception {
        int first = firstOfFreeRun(5);
        try (RunningPassGate pg = start(Map.of("passgate.server.port-range", first + "-" + (first + 4)))) {
            JsonNode[] joe = {pg.logon("JOE", "Secret1"), pg.logon("JOE", "Secret1"), pg.logon("JOE", "Secret1")};
            JsonNode fourth = pg.logon(logonLine("JOE", "Secret1"));
            assertEquals("PORT_UNAVAILABLE", code(fourth));
            assertTrue(fourth.at("/error/message").asText().contains("passgate.server.max-pending-per-user=3"),
                    fourth.toString());
            JsonNode ann = pg.logon("ANN", "Secret2");
            assertTrue(ann.get("port").asInt() >= first && ann.get("port").asInt() <= first + 4, ann.toString());
            assertEquals(4, meter(pg, "passgate_pool_clients"), "the refused logon gave its pool place back");

            pg.connect(joe[0]).close();
            assertEquals("OK", code(pg.logon(logonLine("JOE", "Secret1"))), "a reconnect frees a place at once");
        }
    }

    @Test
    void oneAddressesPendingHandoffsAreCappedWhileOtherAddressesStillGetAPort() throws Exception {
        try (RunningPassGate pg = start(Map.of("passgate.server.max-pending-per-address", "2"))) {
            pg.logon("JOE", "Secret1");
            pg.logon("ANN", "Secret2");
            JsonNode third = pg.logon(logonLine("BOB", "Secret3"));
            assertEquals("PORT_UNAVAILABLE", code(third));
            assertTrue(third.at("/error/message").asText().contains("passgate.server.max-pending-per-address=2"),
                    third.toString());
            JsonNode elsewhere = logonFrom(pg, "127.0.0.2", "BOB", "Secret3");
            assertEquals("OK", code(elsewhere));
            try (LineClient bob = new LineClient("127.0.0.2", elsewhere.get("port").asInt())) {
                assertEquals("OK", code(bob.request(connectLine(elsewhere))));
            }
            assertEquals(2, pg.passGate.daemon().clientIds().size(), "the two from 127.0.0.1 still wait");
        }
    }

    @Test
    void aConnectRefusedAfterItsIdWasRedeemedGivesEverythingBackAtOnce() throws Exception {
        try (RunningPassGate pg = start(Map.of())) { // the default 30 s handoff: what follows is not its timeout
            AdviceWith.adviceWith(pg.context, "session-connect", a -> a.weaveById("connect-start-miners").before()
                    .process(e -> {
                        throw new ProtocolException(ErrorCode.EXIT_REJECTED, "no sessions today");
                    }));
            JsonNode r = pg.logon("JOE", "Secret1");
            int port = r.get("port").asInt();
            try (LineClient s = new LineClient(port)) {
                assertEquals("EXIT_REJECTED", code(s.request(connectLine(r))));
                assertTrue(s.closedByServer());
            }
            assertTrue(nothingPending(pg), "the spent ID's pool place is back as soon as the reply is read");
            Eventually.waitFor(() -> bindable(port));
        }
    }

    @Test
    void stoppingTheDaemonGivesBackHandoffsStillWaiting() throws Exception {
        RunningPassGate pg = start(Map.of());
        int port;
        PassGate.Parts parts = pg.passGate.daemon();
        try {
            port = pg.logon("JOE", "Secret1").get("port").asInt();
            assertEquals(1, parts.clientIds().size());
        } finally {
            pg.close();
        }
        assertEquals(0, parts.clientIds().size(), "no client ID outlives the daemon");
        Eventually.waitFor(() -> bindable(port));
    }
}
