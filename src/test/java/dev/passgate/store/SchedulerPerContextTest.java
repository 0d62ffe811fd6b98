package dev.passgate.store;

import static dev.passgate.testkit.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.PassGate;
import dev.passgate.exit.RecordingExit;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.TestPassGate;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.quartz.impl.SchedulerRepository;
import org.quartz.utils.DBConnectionManager;

/**
 * Two PassGate nodes in one JVM with one system name, in contexts a host named alike, each on
 * its own H2 folder: each has its own Quartz schedulers (the JDBC job store's and the idle timers'
 * in memory), so each one's idle timers end its own sessions, stopping one leaves the other's
 * running, and a stopped node leaves nothing of its own in Quartz's JVM-wide scheduler
 * repository or connection manager.
 */
class SchedulerPerContextTest {

    @TempDir
    Path root;

    /** One node: its own context (named as a host might name it) and data folder, the default system name. */
    private record Node(CamelContext context, PassGate passGate) implements AutoCloseable {

        static Node start(Path data) throws Exception {
            CamelContext context = new DefaultCamelContext();
            context.getCamelContextExtension().setName("passgate");
            PassGate passGate = TestPassGate.install(context, data, Map.of("passgate.session.idle-timeout", "2",
                    "passgate.exit.class", RecordingExit.class.getName()));
            context.start();
            return new Node(context, passGate);
        }

        /** A connected session of a new user, whose idle timer runs from now. */
        LineClient session(String user) throws Exception {
            assertTrue(passGate.security().commands().execute("ADDUSER " + user + " PASSWORD(Secret1) NOEXPIRED", "TEST")
                    .ok());
            JsonNode logon;
            try (LineClient daemon = new LineClient(Integer.parseInt(passGate.settings().string("passgate.daemon.port")))) {
                logon = daemon.request("{\"op\":\"logon\",\"user\":\"" + user + "\",\"password\":\"Secret1\"}");
            }
            assertTrue(logon.get("ok").asBoolean(), logon.toString());
            LineClient session = new LineClient(logon.get("port").asInt());
            JsonNode connect = session.request("{\"op\":\"connect\",\"clientId\":\"" + logon.get("clientId").asText() + "\"}");
            assertTrue(connect.get("ok").asBoolean(), connect.toString());
            return session;
        }

        /** The next thing the server says on an idle session: its timeout event, from this node's timer. */
        static void timesOut(LineClient session) throws Exception {
            JsonNode event = session.read();
            assertEquals("timeout", event == null ? null : event.path("event").asText(), String.valueOf(event));
        }

        Scheduler scheduler() throws Exception {
            return context.getComponent("quartz", QuartzComponent.class).getScheduler();
        }

        List<String> exitEvents() {
            return RecordingExit.of(context).events();
        }

        @Override
        public void close() throws Exception {
            context.close();
        }
    }

    /** The names Quartz's JVM-wide DBConnectionManager holds (it offers no way to list them but its field). */
    @SuppressWarnings("unchecked")
    private static Set<String> connectionProviderNames() throws Exception {
        Field providers = DBConnectionManager.class.getDeclaredField("providers");
        providers.setAccessible(true);
        return new HashSet<>(((Map<String, ?>) providers.get(DBConnectionManager.getInstance())).keySet());
    }

    private static Set<String> schedulerNames() throws Exception {
        Set<String> names = new HashSet<>();
        for (Scheduler s : SchedulerRepository.getInstance().lookupAll()) {
            names.add(s.getSchedulerName());
        }
        return names;
    }

    @Test
    void twoNodesWithOneSystemNameKeepTheirOwnSchedulers() throws Exception {
        Set<String> before = connectionProviderNames();
        Set<String> schedulersBefore = schedulerNames();
        Node a = Node.start(root.resolve("a"));
        Node b = Node.start(root.resolve("b"));
        Scheduler schedulerA;
        Scheduler schedulerB;
        try {
            assertEquals(a.passGate.settings().systemName(), b.passGate.settings().systemName());
            schedulerA = a.scheduler();
            schedulerB = b.scheduler();
            assertNotSame(schedulerA, schedulerB);
            assertNotEquals(schedulerA.getSchedulerName(), schedulerB.getSchedulerName());

            try (LineClient joe = a.session("JOE"); LineClient ann = b.session("ANN")) {
                Node.timesOut(joe);
                Node.timesOut(ann);
            }
            waitFor(() -> a.exitEvents().stream().anyMatch(e -> e.startsWith("logout JOE timeout")));
            waitFor(() -> b.exitEvents().stream().anyMatch(e -> e.startsWith("logout ANN timeout")));

            a.close();
            assertTrue(schedulerA.isShutdown(), "the stopped node's scheduler went with its context");
            assertNull(SchedulerRepository.getInstance().lookup(schedulerA.getSchedulerName()));
            assertTrue(schedulerB.isStarted() && !schedulerB.isShutdown(), "the other node's scheduler runs on");
            try (LineClient bob = b.session("BOB")) {
                Node.timesOut(bob);
            }
        } finally {
            a.close();
            b.close();
        }
        assertNull(SchedulerRepository.getInstance().lookup(schedulerB.getSchedulerName()));
        Set<String> left = connectionProviderNames();
        left.removeAll(before);
        left.remove(NodeJobStore.SHUTDOWN_ONLY); // the one constant entry, holding nothing of any node
        assertEquals(Set.of(), left, "connection providers the stopped nodes left in Quartz's JVM-wide manager");
        assertEquals(schedulersBefore, schedulerNames(), "schedulers (idle timers' among them) the stopped nodes left");
    }
}
