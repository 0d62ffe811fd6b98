package dev.passgate.security;

import static dev.passgate.testkit.Eventually.waitFor;
import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.support.TestPostgres;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A RACF change on one node is seen by the others at once, not when their caches expire (5 s):
 * the changing node tells every other node of the store to drop its cached profiles and keys.
 */
class CacheFlushPostgresTest {

    @TempDir
    Path data;

    private RunningPassGate node(String url, String name) throws Exception {
        return new RunningPassGate(data.resolve(name), TestPostgres.nodeSettings(url, name));
    }

    @Test
    void closingTheApplicationOnOneNodeRefusesTheNextLogonOnTheOther() throws Exception {
        String url = TestPostgres.newDatabase();
        try (RunningPassGate a = node(url, "PGA"); RunningPassGate b = node(url, "PGB")) {
            a.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            assertEquals("OK", code(b.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")),
                    "PGB has read and cached APPL FEKAPPL");
            a.admin("RALTER APPL FEKAPPL UACC(NONE)");
            long changed = System.nanoTime();
            // Within 2 s, well before PGB's cache would expire by itself.
            waitFor(Duration.ofSeconds(2), () -> {
                try {
                    return "NOT_AUTHORIZED".equals(code(b.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")));
                } catch (Exception e) {
                    return false;
                }
            });
            assertTrue(System.nanoTime() - changed < Duration.ofSeconds(4).toNanos(), "seen before the 5 s cache expiry");
            assertEquals("NOT_AUTHORIZED", code(b.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")));
        }
    }
}
