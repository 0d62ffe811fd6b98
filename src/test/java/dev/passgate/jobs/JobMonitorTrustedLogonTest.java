package dev.passgate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.partner.PartnerInfoService;
import dev.passgate.partner.PartnerSocket;
import dev.passgate.security.AuditEvent;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.security.VerifyRequest;
import dev.passgate.store.Database;
import dev.passgate.store.EmbeddedStore;
import dev.passgate.testkit.Eventually;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import dev.passgate.testkit.TestPassGate;
import dev.passgate.support.TestRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {"op":"logon","trusted":true} on the job monitor's port: a PassGate connection of the same
 * cluster logs on as the user of the session it belongs to, through the daemon's trusted-logon
 * step. Two nodes share one H2 store (one cluster), as in the partner package's tests: PG01 has
 * trusted logon on, PG02 has it off; both say their connections come from 127.0.0.1 only, so a
 * socket bound to 127.0.0.2 plays a machine outside the cluster.
 */
class JobMonitorTrustedLogonTest {

    private static final String TRUSTED = "{\"op\":\"logon\",\"trusted\":true}";

    @TempDir
    static Path dataA;
    @TempDir
    static Path dataB;
    private static RunningPassGate a;
    private static RunningPassGate b;

    @BeforeAll
    static void start() throws Exception {
        try (TestRegistry seed = new TestRegistry(dataA)) {
            seed.admin("RDEFINE SERVAUTH EZBDOMAIN APPLDATA('PLEX1')");
        }
        Path routes = dataA.resolve("routes");
        Files.createDirectories(routes);
        try (var in = JobMonitorTrustedLogonTest.class.getResourceAsStream("/jobs/test-jobs.camel.yaml")) {
            Files.copy(in, routes.resolve("test-jobs.camel.yaml"), StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> forA = new HashMap<>(node("PG01"));
        forA.put("passgate.daemon.trusted-logon", "true");
        forA.put("passgate.daemon.trusted-logon-timeout", "1");
        a = new RunningPassGate(dataA, forA, routes);
        Map<String, String> forB = new HashMap<>(node("PG02"));
        forB.put("passgate.store.url", Database.defaultUrl(dataA));
        forB.put("passgate.store.password", new String(EmbeddedStore.password(dataA)));
        b = new RunningPassGate(dataB, forB);
        // The nodes look partners up as their service user, which exists once a node has started.
        a.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED",
                "RDEFINE SERVAUTH EZB.IOCTL.*.TCPIP.PARTNERINFO UACC(NONE)",
                "PERMIT EZB.IOCTL.*.TCPIP.PARTNERINFO CLASS(SERVAUTH) ID(PASSGATE) ACCESS(READ)");
        b.admin("SETROPTS RACLIST(SERVAUTH) REFRESH");
    }

    @AfterAll
    static void stop() throws Exception {
        b.close();
        a.close();
    }

    private static Map<String, String> node(String name) {
        return Map.of("passgate.system.name", name, "passgate.cluster.addresses", "127.0.0.1",
                "passgate.jobs.port", Integer.toString(TestPassGate.freePort()), "passgate.jobs.host", "127.0.0.1");
    }

    private static int jobsPort(RunningPassGate node) {
        return Integer.parseInt(node.passGate.settings().string("passgate.jobs.port"));
    }

    /** A socket of a session of JOE's on a node: what a workflow or miner there would open. */
    private static PartnerSocket joesSocketOn(RunningPassGate node) {
        var verified = node.passGate.security().verifier().verify(VerifyRequest.password("JOE", "Secret1".toCharArray()));
        SecurityEnvironment joe = Optional.ofNullable(verified.environment())
                .orElseThrow(() -> new AssertionError("JOE: " + verified));
        return node.context.getRegistry().lookupByNameAndType("passGatePartners", PartnerInfoService.class).socket(joe);
    }

    private static LineClient jobMonitorOf(RunningPassGate node, PartnerSocket from) throws IOException {
        from.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), jobsPort(node)), 5000);
        return new LineClient(from);
    }

    @Test
    void aSessionOnAPartnerNodeLogsOnAsItsUserAndSubmits() throws Exception {
        try (LineClient jobs = jobMonitorOf(a, joesSocketOn(b))) {
            JsonNode logon = jobs.request(TRUSTED);
            assertEquals("OK", LineClient.code(logon), logon.toString());
            assertEquals("JOE", logon.get("user").asText());
            assertEquals("JOE", jobs.request("{\"op\":\"whoami\"}").get("user").asText());

            JsonNode submit = jobs.request("{\"op\":\"jobs.submit\",\"template\":\"HELLO\",\"params\":{\"who\":\"b\"}}");
            assertEquals("OK", LineClient.code(submit), submit.toString());
            String id = submit.get("job").asText();
            JsonNode[] status = new JsonNode[1];
            Eventually.waitFor(Duration.ofSeconds(10), () -> {
                try {
                    status[0] = jobs.request("{\"op\":\"jobs.status\",\"job\":\"" + id + "\"}");
                    return "OUTPUT".equals(status[0].path("state").asText());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals("JOE", status[0].get("owner").asText(), "the job runs as the partner's user");
        }
        assertTrue(a.passGate.security().audit().query("JOE", AuditEvent.VERIFY, 10).stream()
                .anyMatch(e -> "SUCCESS".equals(e.outcome())
                        && "TRUSTED: vouched for by session UTOKEN of partner node PG02".equals(e.detail())));
    }

    @Test
    void aConnectionFromOutsideTheClusterIsRefused() throws Exception {
        try (LineClient stranger = new LineClient(jobsPort(a))) {
            assertEquals("AUTH_FAILED", LineClient.code(stranger.request(TRUSTED)), "no PassGate connection of the cluster");
        }
        try (LineClient outsider = new LineClient("127.0.0.2", jobsPort(a))) {
            assertEquals("AUTH_FAILED", LineClient.code(outsider.request(TRUSTED)), "not a cluster address");
        }
    }

    @Test
    void aNodeWithoutTrustedLogonSaysSoOnItsJobMonitor() throws Exception {
        try (LineClient jobs = jobMonitorOf(b, joesSocketOn(a))) {
            JsonNode reply = jobs.request(TRUSTED);
            assertEquals("NOT_AUTHORIZED", LineClient.code(reply));
            assertTrue(reply.at("/error/message").asText().contains("trusted logon is not enabled"), reply.toString());
        }
    }
}
