package dev.passgate.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.admin.OperatorCommands;
import dev.passgate.store.Jdbc;
import dev.passgate.support.TestDatabases;
import dev.passgate.support.TestPostgres;
import dev.passgate.testkit.RunningPassGate;
import dev.passgate.testkit.TestPassGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes sharing one store, as PassGate instances in one JVM: a live node's name is its own, every
 * node has the cluster's master key, and the audit trail names the node of each record.
 */
class ClusterNodeIdentityTest {

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;
    @TempDir
    Path keys;
    private Map<String, String> firstStore;
    private Map<String, String> joiningStore;

    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }

    @BeforeEach
    void store() {
        if (engine() == TestDatabases.Engine.H2) {
            firstStore = Map.of();
            joiningStore = TwoNodes.sharedStore(dataA);
        } else {
            firstStore = TestPostgres.storeSettings();
            joiningStore = firstStore;
        }
    }

    private static Map<String, String> node(String name, Map<String, String> store, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(TwoNodes.node(name));
        settings.putAll(store);
        settings.putAll(more);
        return settings;
    }

    /** Starts a node that is expected to be refused; what it was refused with. */
    private static <T extends Throwable> T refused(Class<T> type, Path data, Map<String, String> settings)
            throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        try {
            return assertThrows(type, () -> TestPassGate.install(context, data, settings));
        } finally {
            context.close();
        }
    }

    private static String endpointOf(RunningPassGate node, String name) {
        return new Jdbc(node.passGate.security().dataSource()).queryOne("SELECT endpoint FROM passgate_node WHERE name = ?",
                rs -> rs.getString(1), name).orElseThrow();
    }

    @Test
    void aSecondNodeWithALiveNodesNameIsRefusedNamingItsAddressAndTheNameIsFreeOnceItStops() throws Exception {
        try (RunningPassGate a = new RunningPassGate(dataA, node("PGB", firstStore, Map.of()))) {
            a.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");

            ClusterStore.NameInUseException e = refused(ClusterStore.NameInUseException.class, dataB,
                    node("PGB", joiningStore, Map.of()));

            assertTrue(e.getMessage().contains("PGB") && e.getMessage().contains("127.0.0.1:" + a.daemonPort)
                    && e.getMessage().contains("passgate.system.name"), e.getMessage());
            assertEquals("127.0.0.1:" + a.daemonPort, endpointOf(a, "PGB"), "the live node's record is its own");
            a.logon("JOE", "Secret1"); // and it goes on serving
        }
        try (RunningPassGate b = new RunningPassGate(dataB, node("PGB", joiningStore, Map.of()))) {
            assertEquals("127.0.0.1:" + b.daemonPort, endpointOf(b, "PGB"), "a stopped node's name is free at once");
        }
    }

    @Test
    void aNodeWithAnotherMasterKeyOrNoneIsRefusedAndMakesNoKeyOfItsOwn() throws Exception {
        try (RunningPassGate a = new RunningPassGate(dataA, node("PG01", firstStore, Map.of()))) {
            a.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            IllegalStateException other = refused(IllegalStateException.class, dataB, node("PG02", joiningStore,
                    Map.of("passgate.security.master-key", "FF".repeat(32))));
            assertTrue(other.getMessage().contains("this node's master key is not the cluster's")
                    && other.getMessage().contains("copy"), other.getMessage());
            assertFalse(other.getMessage().toUpperCase().contains("FF".repeat(32)), "never the key");

            Path keyFile = keys.resolve("master.key");
            IllegalStateException none = refused(IllegalStateException.class, dataB, node("PG02", joiningStore,
                    Map.of("passgate.security.master-key", "", "passgate.security.master-key-file", keyFile.toString(),
                            "passgate.security.master-key-create", "true")));
            assertTrue(none.getMessage().contains("copy " + keyFile) && none.getMessage().contains(
                    "passgate.security.master-key"), none.getMessage());
            assertFalse(Files.exists(keyFile), "no key of its own that could not open the store");

            Files.writeString(keyFile, TestPassGate.MASTER_KEY + "\n");
            try (RunningPassGate b = new RunningPassGate(dataB, node("PG02", joiningStore, Map.of(
                    "passgate.security.master-key", "", "passgate.security.master-key-file", keyFile.toString())))) {
                b.logon("JOE", "Secret1"); // the copied key file is the cluster's
            }
        }
    }

    @Test
    void theAuditTrailShowsEveryNodesRecordsWithTheirNodeNewestFirst() throws Exception {
        try (RunningPassGate a = new RunningPassGate(dataA, node("PG01", firstStore, Map.of()));
                RunningPassGate b = new RunningPassGate(dataB, node("PG02", joiningStore, Map.of()))) {
            a.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            a.logon("JOE", "Secret1");
            b.logon("JOE", "Secret1");
            a.logon("JOE", "Secret1");

            OperatorCommands operatorOfA = a.context.getRegistry().lookupByNameAndType("passGateOperator",
                    OperatorCommands.class);
            List<String> lines = operatorOfA.execute("AUDIT USER=JOE EVENT=VERIFY LIMIT=10", "TEST").lines();

            // a logon is one verify (the password at the daemon; the session's own PassTickets are not logons)
            assertEquals(List.of("PG01", "PG02", "PG01"), lines.stream()
                    .map(l -> l.split(" ")[1]).toList(), lines.toString());
        }
    }
}
