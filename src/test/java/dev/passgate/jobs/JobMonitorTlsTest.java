package dev.passgate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.support.TestKeyStores;
import dev.passgate.testkit.Eventually;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import dev.passgate.testkit.TestPassGate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code passgate.jobs.tls.enabled=true}: the job monitor's port speaks TLS with the daemon's key
 * store, trust store and client-auth settings, while the daemon's own port stays plain here (the
 * ticket comes from a plain daemon session), so what is tested is the job monitor's switch alone.
 */
class JobMonitorTlsTest {

    private static final String PASSWORD = TestKeyStores.PASSWORD;

    @TempDir
    static Path tls;
    @TempDir
    Path data;

    private static TestKeyStores stores;

    @BeforeAll
    static void stores() throws Exception {
        stores = new TestKeyStores(tls);
        stores.keyPair("server.p12", "server", "CN=localhost");
        stores.keyPair("joe.p12", "joe", "CN=Joe,O=Example");
        stores.trust("joe.p12", "joe", "clients.p12");
        stores.trust("server.p12", "server", "client-trust.p12");
    }

    private RunningPassGate start(String clientAuth) throws Exception {
        Path routes = data.resolve("routes");
        Files.createDirectories(routes);
        try (var in = getClass().getResourceAsStream("/jobs/test-jobs.camel.yaml")) {
            Files.copy(in, routes.resolve("test-jobs.camel.yaml"), StandardCopyOption.REPLACE_EXISTING);
        }
        RunningPassGate pg = new RunningPassGate(data.resolve("data"), Map.of(
                "passgate.jobs.port", Integer.toString(TestPassGate.freePort()),
                "passgate.jobs.host", "127.0.0.1",
                "passgate.jobs.tls.enabled", "true",
                "passgate.daemon.tls.keystore", tls.resolve("server.p12").toString(),
                "passgate.daemon.tls.keystore-password", PASSWORD,
                "passgate.daemon.tls.truststore", tls.resolve("clients.p12").toString(),
                "passgate.daemon.tls.truststore-password", PASSWORD,
                "passgate.daemon.tls.client-auth", clientAuth), routes);
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED",
                "PERMIT IRRPTAUTH.FEKAPPL.* CLASS(PTKTDATA) ID(JOE) ACCESS(UPDATE)");
        return pg;
    }

    private static int jobsPort(RunningPassGate pg) {
        return Integer.parseInt(pg.passGate.settings().string("passgate.jobs.port"));
    }

    private static String ticket(RunningPassGate pg) throws Exception {
        try (LineClient rse = pg.session("JOE", "Secret1")) {
            JsonNode t = rse.request("{\"op\":\"tickets.generate\",\"applid\":\"FEKAPPL\"}");
            assertEquals("OK", LineClient.code(t), t.toString());
            return t.get("passticket").asText();
        }
    }

    private static String logonLine(String ticket) {
        return "{\"op\":\"logon\",\"user\":\"JOE\",\"passticket\":\"" + ticket + "\"}";
    }

    private static SSLContext client(String keyStore) throws Exception {
        return stores.client("client-trust.p12", keyStore);
    }

    private static LineClient tlsClient(SSLContext ctx, int port) throws IOException {
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        return new LineClient(s);
    }

    /** Everything the server sends a plain-text client until it closes (or 5 s pass). */
    private static String plainTextAttempt(int port, String line) throws IOException {
        try (Socket s = LineClient.connect(new Socket(), null, port)) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = s.getInputStream().read(buf)) >= 0;) {
                    got.write(buf, 0, n);
                }
            } catch (SocketTimeoutException stillOpen) {
                got.write("<still open>".getBytes(StandardCharsets.UTF_8));
            } catch (IOException reset) {
                // a reset is a close too
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aTlsClientLogsOnWithAPassTicketAndSubmitsAJobWhileAPlainTextClientGetsNothing() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try (RunningPassGate pg = start("none")) {
            String ticket = ticket(pg);

            String plain = plainTextAttempt(jobsPort(pg), logonLine(ticket));
            assertFalse(plain.contains("<still open>"), "a plain-text connection is closed: " + plain);
            assertFalse(plain.contains("\"ok\""), "no protocol reply in plain text: " + plain);
            assertFalse(logs.list.stream().anyMatch(e -> e.getThrowableProxy() != null),
                    "a plain-text client on the TLS port is no stack trace in the log");

            try (LineClient jobs = tlsClient(client(null), jobsPort(pg))) {
                JsonNode logon = jobs.request(logonLine(ticket));
                assertEquals("OK", LineClient.code(logon), logon.toString());
                assertEquals("JOE", logon.get("user").asText());
                JsonNode submit = jobs.request("{\"op\":\"jobs.submit\",\"template\":\"HELLO\",\"params\":{\"who\":\"tls\"}}");
                assertEquals("OK", LineClient.code(submit), submit.toString());
                String id = submit.get("job").asText();
                Eventually.waitFor(Duration.ofSeconds(10), () -> {
                    try {
                        return "OUTPUT".equals(jobs.request("{\"op\":\"jobs.status\",\"job\":\"" + id + "\"}")
                                .path("state").asText());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                JsonNode out = jobs.request("{\"op\":\"jobs.output\",\"job\":\"" + id + "\"}");
                assertEquals("hello tls 0", out.get("lines").get(0).asText(), out.toString());
            }
            assertFalse(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains(ticket)), "no ticket in the log");
        } finally {
            root.detachAppender(logs);
        }
    }

    @Test
    void theDaemonsClientAuthNeedAppliesToTheJobMonitorsPort() throws Exception {
        try (RunningPassGate pg = start("need")) {
            String ticket = ticket(pg);
            JsonNode withoutCertificate;
            try (LineClient jobs = tlsClient(client(null), jobsPort(pg))) {
                withoutCertificate = jobs.request(logonLine(ticket));
            } catch (IOException handshakeFailed) {
                withoutCertificate = null;
            }
            assertNull(withoutCertificate, "the TLS handshake needs a client certificate");

            try (LineClient jobs = tlsClient(client("joe.p12"), jobsPort(pg))) {
                JsonNode logon = jobs.request(logonLine(ticket));
                assertEquals("OK", LineClient.code(logon), logon.toString());
                assertTrue(jobs.request("{\"op\":\"whoami\"}").get("user").asText().equals("JOE"));
            }
        }
    }
}
