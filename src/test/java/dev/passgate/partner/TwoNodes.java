package dev.passgate.partner;

import dev.passgate.security.SecurityEnvironment;
import dev.passgate.security.VerifyRequest;
import dev.passgate.store.Database;
import dev.passgate.store.EmbeddedStore;
import dev.passgate.testkit.RunningPassGate;
import dev.passgate.support.TestDatabases;
import dev.passgate.support.TestPostgres;
import dev.passgate.support.TestRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two PassGate nodes, PG01 and PG02, sharing one H2 database (one cluster): each with its own
 * Camel context, daemon port and data folder. Both say their connections come from 127.0.0.1
 * only, so a socket bound to 127.0.0.2 plays a machine outside the cluster.
 */
final class TwoNodes implements AutoCloseable {

    static final String PASSWORD = "Secret1";

    final RunningPassGate a;
    final RunningPassGate b;
    /** The settings that put another node on the same store. */
    final Map<String, String> store;

    /** Seeds the registry (domain PLEX1, users) before either node starts, as the domain is read at start. */
    TwoNodes(Path dataA, Path dataB, Map<String, String> settingsA) throws Exception {
        this(dataA, dataB, settingsA, Map.of(), TestDatabases.Engine.H2);
    }

    /** The two nodes on a store of the engine (on PostgreSQL a database of their own), with settings of each. */
    TwoNodes(Path dataA, Path dataB, Map<String, String> settingsA, Map<String, String> settingsB,
            TestDatabases.Engine engine) throws Exception {
        String url;
        try (TestRegistry seed = new TestRegistry(dataA, engine)) {
            seed.admin("RDEFINE SERVAUTH EZBDOMAIN APPLDATA('PLEX1')");
            url = seed.database.url();
        }
        Map<String, String> storeOfA = engine == TestDatabases.Engine.H2 ? Map.of() : TestPostgres.storeSettings(url);
        Map<String, String> storeOfB = engine == TestDatabases.Engine.H2 ? sharedStore(dataA) : storeOfA;
        Map<String, String> forA = new HashMap<>(node("PG01"));
        forA.putAll(storeOfA);
        forA.putAll(settingsA);
        a = new RunningPassGate(dataA, forA);
        store = storeOfB;
        Map<String, String> forB = new HashMap<>(node("PG02"));
        forB.putAll(storeOfB);
        forB.putAll(settingsB);
        b = new RunningPassGate(dataB, forB);
        // The daemons ask as the service user, which exists once a node has started.
        a.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER SERVER PASSWORD(Secret1) NOEXPIRED",
                "ADDUSER MARY PASSWORD(Secret1) NOEXPIRED",
                "RDEFINE SERVAUTH EZB.IOCTL.*.TCPIP.PARTNERINFO UACC(NONE)",
                "PERMIT EZB.IOCTL.*.TCPIP.PARTNERINFO CLASS(SERVAUTH) ID(SERVER) ACCESS(READ)",
                "PERMIT EZB.IOCTL.*.TCPIP.PARTNERINFO CLASS(SERVAUTH) ID(PASSGATE) ACCESS(READ)");
        b.admin("SETROPTS RACLIST(SERVAUTH) REFRESH");
    }

    /** Settings for a node that uses the embedded store of another node's data folder (one JVM shares it). */
    static Map<String, String> sharedStore(Path dataOfFirstNode) {
        return Map.of("passgate.store.url", Database.defaultUrl(dataOfFirstNode), "passgate.store.password",
                new String(EmbeddedStore.password(dataOfFirstNode)));
    }

    static Map<String, String> node(String name) {
        return Map.of("passgate.system.name", name, "passgate.cluster.addresses", "127.0.0.1");
    }

    /** Waits until the node's view of the cluster (cached for a while) has a node at the address. */
    static void awaitNodeAt(PartnerInfoService node, String address) throws Exception {
        java.net.InetAddress a = java.net.InetAddress.getByName(address);
        dev.passgate.testkit.Eventually.waitFor(() -> {
            node.clusterView().refresh();
            return node.clusterView().isNodeAddress(a);
        });
    }

    static PartnerInfoService partners(RunningPassGate node) {
        return node.context.getRegistry().lookupByNameAndType("passGatePartners", PartnerInfoService.class);
    }

    /** A user's security environment on a node, as a session there would have it. */
    static SecurityEnvironment environment(RunningPassGate node, String user) {
        var result = node.passGate.security().verifier().verify(VerifyRequest.password(user, PASSWORD.toCharArray()));
        return Optional.ofNullable(result.environment()).orElseThrow(() -> new AssertionError(user + ": " + result));
    }

    /** The NETSTAT ALL block of the connection whose foreign socket has this port. */
    static List<String> netstat(RunningPassGate node, int foreignPort) {
        var operator = node.context.getRegistry().lookupByNameAndType("passGateOperator",
                dev.passgate.admin.OperatorCommands.class);
        List<String> lines = operator.execute("NETSTAT ALL", "TEST").lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Foreign Socket:") && lines.get(i).endsWith(".." + foreignPort)) {
                return lines.subList(i - 2, i + 3);
            }
        }
        throw new AssertionError("no connection from port " + foreignPort + " in " + lines);
    }

    @Override
    public void close() throws Exception {
        b.close();
        a.close();
    }
}
