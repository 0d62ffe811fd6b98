package dev.passgate.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.support.ServeProcess;
import dev.passgate.support.TestPostgres;
import dev.passgate.testkit.TestPassGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} processes on one PostgreSQL, as two machines of a cluster would run them: the
 * second is refused, in one line and before it binds anything, when it takes the first one's
 * name or comes without the cluster's master key; with the key copied and a name of its own it runs.
 */
class ClusterServeIT {

    @TempDir
    Path work;

    private static Map<String, String> node(Path home, String name, String storeUrl, int daemonPort) {
        Map<String, String> env = ServeProcess.environment(home, daemonPort, TestPassGate.freePort());
        env.put("PASSGATE_SYSTEM_NAME", name);
        env.put("PASSGATE_STORE_URL", storeUrl);
        env.put("PASSGATE_STORE_USER", TestPostgres.USER);
        env.put("PASSGATE_STORE_PASSWORD", "unused");
        return env;
    }

    @Test
    void aSecondServeWithTheFirstsNameOrWithoutItsMasterKeyIsRefusedInOneLine() throws Exception {
        String store = TestPostgres.newDatabase();
        Path homeA = Files.createDirectories(work.resolve("a"));
        Path homeB = Files.createDirectories(work.resolve("b"));
        int portA = TestPassGate.freePort();
        try (ServeProcess a = ServeProcess.start(homeA, node(homeA, "PGA", store, portA), "serve", "--data",
                homeA.resolve("data").toString())) {
            a.await("PassGate started", 120);

            var noKey = ServeProcess.run(homeB, node(homeB, "PGB", store, TestPassGate.freePort()), "serve", "--data",
                    homeB.resolve("data").toString());
            assertNotEquals(0, noKey.getKey(), noKey.getValue());
            assertTrue(noKey.getValue().contains("copy " + homeB.resolve("master.key")), noKey.getValue());
            assertFalse(noKey.getValue().contains("\tat "), "no stack trace: " + noKey.getValue());
            assertFalse(Files.exists(homeB.resolve("master.key")), "no key of its own");

            Files.copy(homeA.resolve("master.key"), homeB.resolve("master.key"));
            var sameName = ServeProcess.run(homeB, node(homeB, "PGA", store, TestPassGate.freePort()), "serve", "--data",
                    homeB.resolve("data").toString());
            assertNotEquals(0, sameName.getKey(), sameName.getValue());
            assertTrue(sameName.getValue().contains("the system name PGA is in use by a running node at 127.0.0.1:"
                    + portA) && sameName.getValue().contains("passgate.system.name"), sameName.getValue());
            assertFalse(sameName.getValue().contains("\tat "), "no stack trace: " + sameName.getValue());

            try (ServeProcess b = ServeProcess.start(homeB, node(homeB, "PGB", store, TestPassGate.freePort()), "serve",
                    "--data", homeB.resolve("data").toString())) {
                b.await("PassGate started", 120);
                // Stopping a node of a cluster on PostgreSQL is as quiet as stopping an embedded one.
                b.stop(60);
                assertFalse(b.output().contains("\tat "), "no stack trace at stop: " + b.output());
                assertFalse(b.output().contains("WARN"), "no warning at stop: " + b.output());
            }
        }
    }
}
