package dev.passgate.daemon;

import static dev.passgate.testkit.Eventually.waitFor;
import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failed-logon limit over two nodes of one store: failures from one address spread over
 * both reach the limit together, and then both refuse that address; other addresses log on.
 * Each node alone sees fewer failures than the limit, so only the cluster's count can refuse.
 */
abstract class ClusterFailureLimitCases {

    private static final int LIMIT = 4;
    private static final String ATTACKER = "127.0.0.3";
    private static final String OTHER = "127.0.0.4";
    private static final String BAD = "{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Wrong1\"}";
    private static final String GOOD = "{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}";

    @TempDir
    Path data;

    /** The settings that put node {@code name} on the store every node of the test shares. */
    abstract Map<String, String> node(String name);

    private RunningPassGate start(String name) throws Exception {
        Map<String, String> settings = new HashMap<>(node(name));
        settings.put("passgate.logon.max-failures-per-minute", String.valueOf(LIMIT));
        // the waits below probe with correct logons, each leaving a handoff pending for a while
        settings.put("passgate.server.max-pending-per-user", "1000");
        settings.put("passgate.server.max-pending-per-address", "1000");
        return new RunningPassGate(data.resolve(name), settings);
    }

    private static String logon(RunningPassGate node, String from, String request) throws Exception {
        try (LineClient c = new LineClient(from, node.daemonPort)) {
            return code(c.request(request));
        }
    }

    @Test
    void failuresSpreadOverTwoNodesRefuseTheAddressOnBothAndNoOtherAddress() throws Exception {
        try (RunningPassGate a = start("PGA"); RunningPassGate b = start("PGB")) {
            a.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            for (int i = 0; i < LIMIT; i++) {
                assertEquals("AUTH_FAILED", logon(i % 2 == 0 ? a : b, ATTACKER, BAD));
            }
            waitFor(Duration.ofSeconds(5), () -> refused(a) && refused(b));
            assertEquals("RATE_LIMITED", logon(b, ATTACKER, GOOD), "the right password does not lift the block");
            assertEquals("OK", logon(a, OTHER, GOOD));
            assertEquals("OK", logon(b, OTHER, GOOD));
            assertEquals("AUTH_FAILED", logon(b, OTHER, BAD), "another address keeps its own count");

            // a node that starts later learns the blocks in force from the store
            try (RunningPassGate c = start("PGC")) {
                assertEquals("RATE_LIMITED", logon(c, ATTACKER, GOOD));
                assertEquals("OK", logon(c, OTHER, GOOD));
            }
        }
    }

    private static boolean refused(RunningPassGate node) {
        try {
            return "RATE_LIMITED".equals(logon(node, ATTACKER, GOOD));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
