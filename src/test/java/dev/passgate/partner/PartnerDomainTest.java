package dev.passgate.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.security.SecurityEnvironment;
import dev.passgate.testkit.RunningPassGate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials cross between nodes only when both name the same security domain (SERVAUTH EZBDOMAIN). */
class PartnerDomainTest {

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;
    @TempDir
    Path dataC;

    @Test
    void aNodeOfAnotherDomainGetsRoutingButNoCredentials() throws Exception {
        try (TwoNodes nodes = new TwoNodes(dataA, dataB, Map.of())) {
            // PG03 starts after the domain changed: it is in the cluster, but names another domain.
            nodes.a.admin("RALTER SERVAUTH EZBDOMAIN APPLDATA('OTHERDOM')");
            Map<String, String> settings = new HashMap<>(TwoNodes.node("PG03"));
            settings.putAll(TwoNodes.sharedStore(dataA));
            try (RunningPassGate c = new RunningPassGate(dataC, settings);
                    PartnerServerSocket listener = TwoNodes.partners(nodes.a).serverSocket(null)) {
                listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                SecurityEnvironment server = TwoNodes.environment(nodes.a, "SERVER");
                try (PartnerSocket fromC = TwoNodes.partners(c).socket(TwoNodes.environment(c, "JOE"))) {
                    fromC.connect(listener.getLocalSocketAddress(), 5000);
                    try (PartnerSocket accepted = listener.accept()) {
                        PartnerInfo info = accepted.partnerInfo(PartnerRequest.BOTH, Duration.ofSeconds(10), server);

                        assertEquals(PartnerOutcome.NOT_SAME_DOMAIN, info.outcome());
                        assertEquals("EPERM", info.outcome().errno());
                        assertEquals(EnumSet.of(Routing.SAME_CLUSTER, Routing.INTERNAL), info.routing());
                        assertNull(info.taskUser());
                        assertNull(info.taskUToken());
                    }
                }
                var ivp = nodes.a.context.getRegistry().lookupByNameAndType("passGateOperator",
                        dev.passgate.admin.OperatorCommands.class).execute("IVP PARTNER", "TEST");
                assertEquals(8, ivp.returnCode());
                assertTrue(ivp.lines().stream().anyMatch(l -> l.startsWith("domain of PG03 ... DIFFERENT")),
                        ivp.lines().toString());
                // Within one node there is no domain check, and PG01 and PG02 still share PLEX1.
                try (PartnerSocket fromB = TwoNodes.partners(nodes.b).socket(TwoNodes.environment(nodes.b, "JOE"))) {
                    fromB.connect(listener.getLocalSocketAddress(), 5000);
                    try (PartnerSocket accepted = listener.accept()) {
                        PartnerInfo info = accepted.partnerInfo(PartnerRequest.BOTH, Duration.ofSeconds(10), server);
                        assertTrue(info.ok(), info.toString());
                        assertEquals("JOE", info.taskUser());
                    }
                }
            }
        }
    }
}
