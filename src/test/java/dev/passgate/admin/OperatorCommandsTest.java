package dev.passgate.admin;

import dev.passgate.security.AuditEvent;
import static dev.passgate.testkit.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.cli.PassGateCli;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import dev.passgate.testkit.TestPassGate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Operator commands end to end against a running daemon: through the CLI, the HTTP API and JMX. */
class OperatorCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    private RunningPassGate pg;

    @BeforeEach
    void start() throws Exception {
        pg = new RunningPassGate(data, Map.of());
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER OPER PASSWORD(Secret1) NOEXPIRED",
                "ADDUSER NOBODY PASSWORD(Secret1) NOEXPIRED",
                "RDEFINE FACILITY PASSGATE.ADMIN.* UACC(NONE)",
                "PERMIT PASSGATE.ADMIN.* CLASS(FACILITY) ID(OPER) ACCESS(CONTROL)");
    }

    @AfterEach
    void stop() throws Exception {
        pg.close();
    }

    /** {@code passgate admin} on the daemon's own machine: the credential in the data folder, no password. */
    private String cli(String command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        System.setProperty("passgate.security.master-key", TestPassGate.MASTER_KEY);
        try {
            int rc = PassGateCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "admin",
                    "--data=" + data, command);
            return rc + "\n" + out + err;
        } finally {
            System.clearProperty("passgate.security.master-key");
        }
    }

    @Test
    void displayShowsPoolsAndClients() throws Exception {
        try (LineClient s = pg.session("JOE", "Secret1")) {
            String clients = cli("DISPLAY CLIENTS,USER");
            assertTrue(clients.startsWith("0\n"), clients);
            assertTrue(clients.contains("JOE") && clients.contains("127.0.0.1") && clients.contains("files,jobs,tickets"), clients);
            assertTrue(clients.contains("1 clients"), clients);
            String process = cli("DISPLAY PROCESS");
            assertTrue(process.contains("1 pools, 1 sessions"), process);
        }
    }

    @Test
    void cancelEndsTheUsersSessionsWithAnEventAndTheLogoutRuns() throws Exception {
        try (LineClient s = pg.session("JOE", "Secret1")) {
            assertTrue(cli("CANCEL USER=joe").startsWith("0\n"));
            assertEquals("cancelled", s.read().get("event").asText());
            assertTrue(s.closedByServer());
        }
        // The logout step audits right after it removes the session; wait for the record itself.
        waitFor(() -> !pg.passGate.security().audit().query("JOE", AuditEvent.LOGOUT, 1).isEmpty());
        assertEquals("CANCELLED", pg.passGate.security().audit().query("JOE", AuditEvent.LOGOUT, 1).get(0).outcome());
        assertEquals(0, pg.passGate.daemon().sessions().size());
        assertTrue(cli("CANCEL ID=no-such-session").startsWith("8\n"));
    }

    @Test
    void cancelDuringAnActiveRequestLetsThatRequestFinishFirst() throws Exception {
        AdviceWith.adviceWith(pg.context, "miner-files", a -> a.weaveAddFirst().delay(800));
        try (LineClient s = pg.session("JOE", "Secret1")) {
            s.send("{\"op\":\"files.list\",\"path\":\"/u/joe\",\"id\":1}");
            Thread.sleep(200); // the request is running now
            String id = pg.passGate.daemon().sessions().all().iterator().next().id();
            assertTrue(cli("CANCEL ID=" + id).startsWith("0\n"));
            JsonNode answer = s.read();
            assertEquals(1, answer.get("id").asInt(), "the running request is answered");
            assertTrue(answer.get("ok").asBoolean());
            assertEquals("cancelled", s.read().get("event").asText());
        }
    }

    @Test
    void sendDeliversAMessageAndTheSessionStays() throws Exception {
        try (LineClient s = pg.session("JOE", "Secret1")) {
            assertTrue(cli("SEND 'back in 5 minutes' USER=JOE").startsWith("0\n"));
            JsonNode m = s.read();
            assertEquals("message", m.get("event").asText());
            assertEquals("back in 5 minutes", m.get("text").asText());
            assertEquals("JOE", s.request("{\"op\":\"whoami\"}").get("user").asText());
        }
    }

    @Test
    void logLevelChangesTakeEffectWithoutRestart() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.passgate.daemon");
        Level before = logger.getLevel();
        try {
            String r = cli("LOG LEVEL=DEBUG LOGGER=dev.passgate.daemon");
            assertTrue(r.startsWith("0\n") && r.contains("to DEBUG"), r);
            assertTrue(logger.isDebugEnabled());
            assertTrue(cli("LOG LEVEL=LOUD").startsWith("8\n"));
        } finally {
            logger.setLevel(before);
        }
    }

    @Test
    void ivpChecksThePassTicketSetupAndACompleteLogon() {
        String tickets = cli("IVP PASSTICKET");
        assertTrue(tickets.startsWith("0\n") && tickets.contains("IVP PASSTICKET for FEKAPPL passed"), tickets);
        String daemon = cli("IVP DAEMON");
        assertTrue(daemon.startsWith("0\n") && daemon.contains("whoami ... PASSGATE") && daemon.contains("IVP DAEMON passed"),
                daemon);
        pg.admin("RALTER PTKTDATA FEKAPPL NOAPPLDATA");
        String broken = cli("IVP PASSTICKET");
        assertTrue(broken.startsWith("8\n") && broken.contains("APPLDATA('NO REPLAY PROTECTION')"), broken);
    }

    @Test
    void netstatListsTheDaemonAndSessionConnectionsWithTheirOwners() throws Exception {
        try (LineClient s = pg.session("JOE", "Secret1"); LineClient idle = new LineClient(pg.daemonPort)) {
            String n = cli("NETSTAT ALL");
            assertTrue(n.startsWith("0\n"), n);
            assertTrue(n.contains("Client Name: PASSGATE  User: JOE  (session)"), n);
            assertTrue(n.contains("Client Name: PASSGATE  (daemon)"), n);
            assertTrue(n.contains("Local Socket:   127.0.0.1.." + pg.daemonPort), n);
            assertTrue(n.contains("TcpClusterConnFlag: 00"), n);
        }
    }

    @Test
    void racfCommandsStillWorkThroughTheSameCli() {
        assertTrue(cli("LISTUSER JOE").contains("USER=JOE"));
    }

    @Test
    void theHttpApiRefusesCallersWithoutAuthority() throws Exception {
        JsonNode credential = JSON.readTree(Files.readString(data.resolve(AdminHttpApi.CREDENTIAL_FILE)));
        int port = credential.get("port").asInt();
        assertEquals(401, post(port, null, "DISPLAY CLIENTS").statusCode());
        assertEquals(401, post(port, "Bearer wrong", "DISPLAY CLIENTS").statusCode());
        assertEquals(401, post(port, basic("NOBODY", "Secret1"), "DISPLAY CLIENTS").statusCode(), "no CONTROL");
        assertEquals(401, post(port, basic("OPER", "wrong"), "DISPLAY CLIENTS").statusCode());
        HttpResponse<String> ok = post(port, basic("OPER", "Secret1"), "DISPLAY CLIENTS");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(0, JSON.readTree(ok.body()).get("rc").asInt());
    }

    @Test
    void anAbbreviationIsAuthorizedAsTheVerbItStandsFor() throws Exception {
        pg.admin("RDEFINE FACILITY PASSGATE.ADMIN.CANCEL UACC(NONE)");
        int port = JSON.readTree(Files.readString(data.resolve(AdminHttpApi.CREDENTIAL_FILE))).get("port").asInt();
        assertEquals(401, post(port, basic("OPER", "Secret1"), "CANCEL USER=JOE").statusCode(), "CANCEL is not OPER's");
        assertEquals(401, post(port, basic("OPER", "Secret1"), "C USER=JOE").statusCode(), "nor is its abbreviation");
        assertEquals(200, post(port, basic("OPER", "Secret1"), "D CLIENTS").statusCode(), "DISPLAY still is");
    }

    @Test
    void theHttpApiCannotBeReachedFromThisMachinesOtherAddresses() throws Exception {
        int port = JSON.readTree(Files.readString(data.resolve(AdminHttpApi.CREDENTIAL_FILE))).get("port").asInt();
        java.net.InetAddress external = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
                .stream().flatMap(n -> java.util.Collections.list(n.getInetAddresses()).stream())
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress()).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(external != null, "this machine has only loopback");
        try (java.net.Socket s = new java.net.Socket()) {
            org.junit.jupiter.api.Assertions.assertThrows(java.net.ConnectException.class,
                    () -> s.connect(new java.net.InetSocketAddress(external, port), 2000));
        }
    }

    @Test
    void jmxRunsTheSameCommands() throws Exception {
        var jmx = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        var name = new javax.management.ObjectName("dev.passgate:type=Operator,context="
                + javax.management.ObjectName.quote(pg.context.getName()));
        Object r = jmx.invoke(name, "execute", new Object[] {"DISPLAY PROCESS"}, new String[] {String.class.getName()});
        assertTrue(String.valueOf(r).startsWith("RC=0"), String.valueOf(r));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(int port, String authorization, String command) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/commands"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("command", command))));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

}
