package dev.passgate.session;

import static dev.passgate.testkit.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.support.TestPostgres;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Single logon across two nodes on one PostgreSQL: the user's last session stays, wherever it is. */
class SingleLogonPostgresTest {

    @TempDir
    Path data;

    private RunningPassGate node(String url, String name) throws Exception {
        return new RunningPassGate(data.resolve(name), TestPostgres.nodeSettings(url, name, "passgate.session.single-logon", "true",
                "passgate.server.max-pending-per-user", "10"));
    }

    private static int sessions(RunningPassGate... nodes) {
        int n = 0;
        for (RunningPassGate node : nodes) {
            n += node.passGate.daemon().sessions().ofUser("JOE").size();
        }
        return n;
    }

    @Test
    void aLogonOnOneNodeReplacesTheSessionOnTheOther() throws Exception {
        String url = TestPostgres.newDatabase();
        try (RunningPassGate a = node(url, "PGA"); RunningPassGate b = node(url, "PGB")) {
            a.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            try (LineClient onA = a.session("JOE", "Secret1"); LineClient onB = b.session("JOE", "Secret1")) {
                assertEquals("replaced", onA.read().get("event").asText());
                assertTrue(onA.closedByServer());
                assertEquals("JOE", onB.request("{\"op\":\"whoami\"}").get("user").asText());
                waitFor(Duration.ofSeconds(5), () -> sessions(a, b) == 1);
            }
        }
    }

    @Test
    void tenSimultaneousLogonsOverTwoNodesLeaveOneSession() throws Exception {
        String url = TestPostgres.newDatabase();
        try (RunningPassGate a = node(url, "PGA"); RunningPassGate b = node(url, "PGB")) {
            a.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            List<JsonNode> logons = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                logons.add((i % 2 == 0 ? a : b).logon("JOE", "Secret1"));
            }
            CyclicBarrier together = new CyclicBarrier(logons.size());
            ExecutorService clients = Executors.newFixedThreadPool(logons.size());
            List<Future<LineClient>> connected = new ArrayList<>();
            try {
                for (int i = 0; i < logons.size(); i++) {
                    RunningPassGate node = i % 2 == 0 ? a : b;
                    JsonNode logon = logons.get(i);
                    connected.add(clients.submit(() -> {
                        together.await();
                        return node.connect(logon);
                    }));
                }
                List<LineClient> open = new ArrayList<>();
                for (Future<LineClient> f : connected) {
                    open.add(f.get());
                }
                waitFor(Duration.ofSeconds(10), () -> sessions(a, b) == 1);
                assertEquals(1, sessions(a, b), "exactly one session is left");
                for (LineClient c : open) {
                    c.close();
                }
            } finally {
                clients.shutdownNow();
            }
        }
    }
}
