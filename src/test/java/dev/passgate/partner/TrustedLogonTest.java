package dev.passgate.partner;

import dev.passgate.security.AuditEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.security.AuditLog;
import dev.passgate.testkit.LineClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {"op":"logon","trusted":true}: a session for the user at the other end, from its UTOKEN, without a password. */
class TrustedLogonTest {

    private static final String TRUSTED = "{\"op\":\"logon\",\"trusted\":true}";

    @TempDir
    static Path dataA;
    @TempDir
    static Path dataB;
    private static TwoNodes nodes;

    @BeforeAll
    static void start() throws Exception {
        nodes = new TwoNodes(dataA, dataB, Map.of("passgate.daemon.trusted-logon", "true",
                "passgate.daemon.trusted-logon-timeout", "1"));
    }

    @AfterAll
    static void stop() throws Exception {
        nodes.close();
    }

    private static JsonNode trustedLogon(PartnerSocket from) throws Exception {
        from.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), nodes.a.daemonPort), 5000);
        try (LineClient daemon = new LineClient(from)) {
            return daemon.request(TRUSTED);
        }
    }

    @Test
    void aSessionOnAnotherNodeLogsOnAsItsUserWithoutAPassword() throws Exception {
        JsonNode reply = trustedLogon(TwoNodes.partners(nodes.b).socket(TwoNodes.environment(nodes.b, "JOE")));

        assertTrue(reply.get("ok").asBoolean(), reply.toString());
        try (LineClient session = nodes.a.connect(reply)) {
            assertEquals("JOE", session.request("{\"op\":\"whoami\"}").get("user").asText());
        }
        AuditLog.Entry verify = nodes.a.passGate.security().audit().query("JOE", AuditEvent.VERIFY, 10).stream()
                .filter(e -> e.detail().startsWith("TRUSTED")).findFirst().orElseThrow();
        assertEquals("SUCCESS", verify.outcome());
        assertEquals("TRUSTED: vouched for by session UTOKEN of partner node PG02", verify.detail());
    }

    @Test
    void aConnectionOfTheSameNodeWithoutASessionLogsOnAsTheNodesServiceUser() throws Exception {
        JsonNode reply = trustedLogon(TwoNodes.partners(nodes.a).socket(null));

        assertTrue(reply.get("ok").asBoolean(), reply.toString());
        try (LineClient session = nodes.a.connect(reply)) {
            assertEquals("PASSGATE", session.request("{\"op\":\"whoami\"}").get("user").asText());
        }
    }

    @Test
    void aClientPassGateDoesNotKnowIsRefused() throws Exception {
        try (LineClient stranger = new LineClient(nodes.a.daemonPort)) {
            assertEquals("AUTH_FAILED", LineClient.code(stranger.request(TRUSTED)));
        }
        try (LineClient outsider = new LineClient("127.0.0.2", nodes.a.daemonPort)) {
            assertEquals("AUTH_FAILED", LineClient.code(outsider.request(TRUSTED)));
        }
    }

    @Test
    void aRevokedPartnerUserIsRefused() throws Exception {
        nodes.a.admin("ADDUSER GONE PASSWORD(Secret1) NOEXPIRED");
        PartnerSocket from = TwoNodes.partners(nodes.b).socket(TwoNodes.environment(nodes.b, "GONE"));
        nodes.a.admin("ALTUSER GONE REVOKE");

        assertEquals("USER_REVOKED", LineClient.code(trustedLogon(from)));
    }

    @Test
    void ivpPartnerChecksTheDomainAndTheDaemonsAuthorityAndSaysWhatToPermit() {
        var operator = nodes.a.context.getRegistry().lookupByNameAndType("passGateOperator",
                dev.passgate.admin.OperatorCommands.class);
        var passed = operator.execute("IVP PARTNER", "TEST");
        assertEquals(0, passed.returnCode(), passed.lines().toString());
        assertTrue(passed.lines().contains("security domain (SERVAUTH EZBDOMAIN) ... PLEX1"), passed.lines().toString());

        nodes.a.admin("PERMIT EZB.IOCTL.*.TCPIP.PARTNERINFO CLASS(SERVAUTH) ID(PASSGATE) DELETE");
        try {
            var failed = operator.execute("IVP PARTNER", "TEST");
            assertEquals(8, failed.returnCode());
            assertTrue(failed.lines().stream().anyMatch(l -> l.endsWith("lacks READ: PERMIT EZB.IOCTL.*.TCPIP.PARTNERINFO"
                    + " CLASS(SERVAUTH) ID(PASSGATE) ACCESS(READ)")), failed.lines().toString());
        } finally {
            nodes.a.admin("PERMIT EZB.IOCTL.*.TCPIP.PARTNERINFO CLASS(SERVAUTH) ID(PASSGATE) ACCESS(READ)");
        }
    }

    @Test
    void aDaemonWithoutTrustedLogonSaysSo() throws Exception {
        PartnerSocket from = TwoNodes.partners(nodes.a).socket(TwoNodes.environment(nodes.a, "JOE"));
        from.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), nodes.b.daemonPort), 5000);
        try (LineClient daemon = new LineClient(from)) {
            JsonNode reply = daemon.request(TRUSTED);
            assertEquals("NOT_AUTHORIZED", LineClient.code(reply));
            assertTrue(reply.get("error").get("message").asText().contains("trusted logon is not enabled"), reply.toString());
        }
    }
}
