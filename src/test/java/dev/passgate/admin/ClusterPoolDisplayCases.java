package dev.passgate.admin;

import static dev.passgate.testkit.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.store.Jdbc;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DISPLAY PROCESS over two nodes of one store: either node's operator sees both nodes' pools
 * with their node, an old snapshot says how old it is, and a node that stops leaves the list.
 */
abstract class ClusterPoolDisplayCases {

    @TempDir
    Path data;

    /** The settings that put node {@code name} on the store every node of the test shares. */
    abstract Map<String, String> node(String name);

    private RunningPassGate start(String name) throws Exception {
        return new RunningPassGate(data.resolve(name), node(name));
    }

    private static String operator(RunningPassGate node, String command) {
        return String.join("\n", node.context.getRegistry().lookupByNameAndType("passGateOperator", OperatorCommands.class)
                .execute(command, "OPER1").lines());
    }

    private static boolean showsPoolOf(String display, String node, int clients) {
        return display.lines().anyMatch(l -> l.matches("1\\s+" + node + "\\s+" + clients + "\\s+1000\\s+.*"));
    }

    @Test
    void eachNodesOperatorSeesEveryNodesPoolsWithTheirNode() throws Exception {
        try (RunningPassGate a = start("PGA")) {
            a.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            RunningPassGate b = start("PGB");
            try (LineClient joe = b.session("JOE", "Secret1")) {
                AtomicReference<String> seen = new AtomicReference<>();
                waitFor(Duration.ofSeconds(10), () -> {
                    seen.set(operator(a, "DISPLAY PROCESS"));
                    return showsPoolOf(seen.get(), "PGB", 1);
                });
                String onA = seen.get();
                assertTrue(onA.startsWith("POOL  NODE "), onA);
                assertTrue(showsPoolOf(onA, "PGA", 0), onA);
                assertTrue(onA.endsWith("2 pools, 1 sessions (1 pools, 0 sessions on PGA)"), onA);
                assertFalse(onA.contains("s ago"), "fresh snapshots carry no age: " + onA);
                String onB = operator(b, "DISPLAY PROCESS");
                assertTrue(showsPoolOf(onB, "PGB", 1), onB);

                // a snapshot PGB has not renewed for a minute says so (PGB renews it every 2 s: age it again each try)
                Jdbc store = new Jdbc(a.passGate.security().dataSource());
                waitFor(Duration.ofSeconds(10), () -> {
                    store.update("UPDATE passgate_pool_snapshot SET published_at = published_at - 60000 WHERE node = 'PGB'");
                    seen.set(operator(a, "DISPLAY PROCESS"));
                    return seen.get().lines().anyMatch(l -> l.contains(" PGB ") && l.matches(".*\\(as of 6\\d s ago\\)"));
                });
                assertTrue(showsPoolOf(seen.get(), "PGA", 0), seen.get());
            } finally {
                b.close();
            }
            String afterB = operator(a, "DISPLAY PROCESS");
            assertFalse(afterB.contains(" PGB "), "a stopped node's pools are gone: " + afterB);
            assertTrue(afterB.endsWith("1 pools, 0 sessions"), afterB);
        }
    }
}
