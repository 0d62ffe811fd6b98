package dev.passgate.session;

import static dev.passgate.testkit.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.exit.RecordingExit;
import dev.passgate.security.AuditEvent;
import dev.passgate.security.AuditLog;
import dev.passgate.store.Jdbc;
import dev.passgate.support.TestPostgres;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes on one PostgreSQL when one of them is lost: the survivors log out each of its sessions
 * once (audit reason NODE_LOST, logout exit run) and forget it; a node that finds itself forgotten
 * closes what it still holds and joins again; the cluster's schedules fire on one node at a time.
 */
class LostNodePostgresTest {

    @TempDir
    Path data;

    private RunningPassGate node(String url, String name, String... extra) throws Exception {
        List<String> settings = new ArrayList<>(List.of("passgate.exit.class", RecordingExit.class.getName(),
                "passgate.cluster.heartbeat-interval", "1", "passgate.cluster.node-lost-after", "3",
                "passgate.cluster.lost-node-check-cron", "0/1 * * * * ?"));
        settings.addAll(List.of(extra));
        return new RunningPassGate(data.resolve(name), TestPostgres.nodeSettings(url, name, settings.toArray(String[]::new)));
    }

    /** What a kill -9 leaves: the node stops beating, its session rows stay (played by ending them in memory only). */
    private static void die(RunningPassGate node) throws Exception {
        for (Session s : node.passGate.daemon().sessions().all()) {
            node.passGate.daemon().sessions().forget(s);
            s.end();
        }
        node.close();
    }

    private static int count(RunningPassGate node, String sql, Object... args) {
        return new Jdbc(node.passGate.security().dataSource()).queryOne(sql, rs -> rs.getInt(1), args).orElseThrow();
    }

    private static long nodeLostLogouts(AuditLog audit) {
        return audit.query(null, AuditEvent.LOGOUT, 1000).stream().filter(e -> "NODE_LOST".equals(e.outcome())).count();
    }

    private static long exitCalls(RunningPassGate node) {
        return RecordingExit.of(node).events().stream().filter(e -> e.startsWith("logout JOE node_lost")).count();
    }

    @Test
    void theSurvivorsLogOutEachSessionOfALostNodeOnceAndForgetIt() throws Exception {
        String url = TestPostgres.newDatabase();
        try (RunningPassGate a = node(url, "PGA"); RunningPassGate b = node(url, "PGB")) {
            a.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            RunningPassGate c = node(url, "PGC");
            List<LineClient> onC = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                onC.add(c.session("JOE", "Secret1"));
            }
            assertEquals(5, count(a, "SELECT COUNT(*) FROM passgate_session WHERE node = 'PGC'"));
            die(c);
            for (LineClient client : onC) {
                client.close();
            }

            waitFor(Duration.ofSeconds(30), () -> count(a, "SELECT COUNT(*) FROM passgate_session WHERE node = 'PGC'") == 0
                    && count(a, "SELECT COUNT(*) FROM passgate_node WHERE name = 'PGC'") == 0);
            AuditLog audit = a.passGate.security().audit();
            assertEquals(5, nodeLostLogouts(audit), "each session audited once, by whichever survivor ran the reaper");
            waitFor(Duration.ofSeconds(5), () -> exitCalls(a) + exitCalls(b) == 5);
            assertTrue(audit.query("JOE", AuditEvent.LOGOUT, 1).get(0).detail().contains("of node PGC ended: node lost"));

            // Later runs find nothing more to do; logons go on working on the survivors.
            try (LineClient joe = b.session("JOE", "Secret1")) {
                assertEquals("JOE", joe.request("{\"op\":\"whoami\"}").get("user").asText());
            }
            assertEquals(5, nodeLostLogouts(audit));
            assertEquals(5, exitCalls(a) + exitCalls(b));
        }
    }

    @Test
    void aNodeThatFindsItselfForgottenClosesItsSessionsAndJoinsAgain() throws Exception {
        String url = TestPostgres.newDatabase();
        try (RunningPassGate a = node(url, "PGA"); RunningPassGate b = node(url, "PGB")) {
            a.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            try (LineClient joe = b.session("JOE", "Secret1")) {
                // What the survivors do to a node cut off from the store for too long: its sessions
                // logged out for it, its row gone.
                Jdbc store = new Jdbc(a.passGate.security().dataSource());
                store.update("DELETE FROM passgate_session WHERE node = 'PGB'");
                store.update("DELETE FROM passgate_node WHERE name = 'PGB'");

                assertTrue(joe.closedByServer(), "the session the cluster no longer has is closed");
                waitFor(Duration.ofSeconds(10), () -> b.passGate.daemon().sessions().size() == 0
                        && count(a, "SELECT COUNT(*) FROM passgate_node WHERE name = 'PGB'") == 1);
            }
            try (LineClient again = b.session("JOE", "Secret1")) {
                assertEquals("JOE", again.request("{\"op\":\"whoami\"}").get("user").asText());
            }
        }
    }

    /** The scheduled times at which the node ran the audit purge route. */
    private static List<Long> purgesRunBy(RunningPassGate node) throws Exception {
        List<Long> scheduled = new CopyOnWriteArrayList<>();
        EventNotifierSupport watch = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeCompletedEvent done
                        && "audit-retention-purge".equals(done.getExchange().getFromRouteId())) {
                    scheduled.add(done.getExchange().getMessage().getHeader("scheduledFireTime", Date.class).getTime());
                }
            }
        };
        node.context.getManagementStrategy().addEventNotifier(watch);
        ServiceHelper.startService(watch);
        return scheduled;
    }

    @Test
    void theClustersSchedulesFireOnOneNodeAtATimeAndOutliveTheNodeThatRanThem() throws Exception {
        String url = TestPostgres.newDatabase();
        String[] everySecond = {"passgate.audit.purge-cron", "0/1 * * * * ?"};
        try (RunningPassGate b = node(url, "PGB", everySecond)) {
            List<Long> onB = purgesRunBy(b);
            List<Long> onA;
            try (RunningPassGate a = node(url, "PGA", everySecond)) {
                onA = purgesRunBy(a);
                waitFor(Duration.ofSeconds(30), () -> onA.size() + onB.size() >= 8);
            }
            Set<Long> distinct = new HashSet<>(onA);
            distinct.addAll(onB);
            assertEquals(onA.size() + onB.size(), distinct.size(),
                    "each scheduled time ran on one node only: A " + onA + ", B " + onB);
            // The node that stopped takes nothing with it: the schedule goes on on the other.
            int before = onB.size();
            waitFor(Duration.ofSeconds(15), () -> onB.size() >= before + 2);
        }
    }
}
