package dev.passgate.partner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.admin.OperatorCommands;
import dev.passgate.store.Jdbc;
import dev.passgate.testkit.LineClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * UTOKENs are credentials: a trusted logon and partner lookups on two nodes, with every
 * PassGate log line (TRACE), audit record and operator listing searched for the UTOKENs, the
 * cluster key and the client ID that went by.
 */
class PartnerSecretsTest {

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;

    @Test
    void noUTokenClusterKeyOrClientIdIsLoggedOrListed() throws Exception {
        Logger ours = (Logger) LoggerFactory.getLogger("dev.passgate");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ours.addAppender(logs);
        Level level = ours.getLevel();
        ours.setLevel(Level.TRACE);
        List<String> seen = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        try (TwoNodes nodes = new TwoNodes(dataA, dataB, Map.of("passgate.daemon.trusted-logon", "true"))) {
            PartnerSocket joe = TwoNodes.partners(nodes.b).socket(TwoNodes.environment(nodes.b, "JOE"));
            joe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), nodes.a.daemonPort), 5000);
            JsonNode logon;
            try (LineClient daemon = new LineClient(joe)) {
                logon = daemon.request("{\"op\":\"logon\",\"trusted\":true}");
            }
            secrets.add(logon.get("clientId").asText());
            try (LineClient session = nodes.a.connect(logon);
                    PartnerServerSocket listener = TwoNodes.partners(nodes.a).serverSocket(null)) {
                listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                try (PartnerSocket out = TwoNodes.partners(nodes.b).socket(TwoNodes.environment(nodes.b, "JOE"))) {
                    out.connect(listener.getLocalSocketAddress(), 5000);
                    try (PartnerSocket in = listener.accept()) {
                        PartnerInfo info = in.partnerInfo(PartnerRequest.BOTH, Duration.ofSeconds(10),
                                TwoNodes.environment(nodes.a, "SERVER"));
                        assertTrue(info.ok(), info.toString());
                        secrets.add(info.taskUToken());
                        secrets.add(info.addressSpaceUToken());
                        seen.add(info.toString());
                        seen.add(in.connection().toString());
                        OperatorCommands operator = nodes.a.context.getRegistry().lookupByNameAndType(
                                "passGateOperator", OperatorCommands.class);
                        for (String c : List.of("NETSTAT ALL", "IVP PARTNER", "DISPLAY CLIENTS")) {
                            seen.addAll(operator.execute(c, "TEST").lines());
                        }
                    }
                }
            }
            byte[] key = new ClusterStore(new Jdbc(nodes.a.passGate.security().dataSource()), Clock.systemUTC())
                    .clusterKey("PASSGATE", nodes.a.passGate.security().secretBox());
            secrets.add(HexFormat.of().formatHex(key));
            secrets.add(Base64.getEncoder().encodeToString(key));
            nodes.a.passGate.security().audit().query(null, null, 1000).forEach(e -> seen.add(e.line()));
            nodes.b.passGate.security().audit().query(null, null, 1000).forEach(e -> seen.add(e.line()));
        } finally {
            ours.detachAppender(logs);
            ours.setLevel(level);
        }
        logs.list.forEach(e -> seen.add(e.getFormattedMessage()));

        assertTrue(seen.stream().anyMatch(l -> l.contains("TRUSTED")), "the trusted logon's audit record was captured");
        assertTrue(seen.stream().anyMatch(l -> l.contains("TcpTrustedPartner: C0")), "the lookup shows in NETSTAT");
        for (String line : seen) {
            for (String secret : secrets) {
                assertFalse(line.toUpperCase().contains(secret.toUpperCase()), "secret in: " + line);
            }
            assertFalse(line.contains("PGU1."), "a UTOKEN in: " + line);
        }
    }
}
