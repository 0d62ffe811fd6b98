package dev.passgate.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.support.TestKeyStores;
import dev.passgate.testkit.RunningPassGate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS on the daemon and server ports, and logon by client certificate, with stores made by keytool. */
class TlsLogonTest {

    private static final String PASSWORD = TestKeyStores.PASSWORD;
    private static final ObjectMapper JSON = new ObjectMapper();

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
        stores.keyPair("eve.p12", "eve", "CN=Eve,O=Example");
        stores.trust("joe.p12", "joe", "clients.p12");
        stores.trust("eve.p12", "eve", "clients.p12");
        stores.trust("server.p12", "server", "client-trust.p12");
    }

    private RunningPassGate start(String clientAuth) throws Exception {
        RunningPassGate pg = new RunningPassGate(data, Map.of(
                "passgate.daemon.tls.enabled", "true",
                "passgate.daemon.tls.keystore", tls.resolve("server.p12").toString(),
                "passgate.daemon.tls.keystore-password", PASSWORD,
                "passgate.daemon.tls.truststore", tls.resolve("clients.p12").toString(),
                "passgate.daemon.tls.truststore-password", PASSWORD,
                "passgate.daemon.tls.client-auth", clientAuth));
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "RACDCERT ID(JOE) MAP SDNFILTER('CN=Joe,O=Example')");
        return pg;
    }

    private static SSLContext client(String keyStore) throws Exception {
        return stores.client("client-trust.p12", keyStore);
    }

    private static JsonNode exchange(SSLContext ctx, int port, String line) throws IOException {
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            return reply == null ? null : JSON.readTree(reply);
        }
    }

    @Test
    void aMappedClientCertificateLogsOnAndTheSessionIsTlsToo() throws Exception {
        try (RunningPassGate pg = start("want")) {
            SSLContext joe = client("joe.p12");
            JsonNode logon = exchange(joe, pg.daemonPort, "{\"op\":\"logon\",\"certificate\":true}");
            assertTrue(logon.get("ok").asBoolean(), logon.toString());
            assertEquals("JOE", logon.get("user").asText());
            JsonNode connected = exchange(joe, logon.get("port").asInt(),
                    "{\"op\":\"connect\",\"clientId\":\"" + logon.get("clientId").asText() + "\"}");
            assertTrue(connected.get("ok").asBoolean(), connected.toString());
        }
    }

    @Test
    void withWantAPasswordStillWorksWithoutACertificateAndAnUnmappedOneFails() throws Exception {
        try (RunningPassGate pg = start("want")) {
            JsonNode byPassword = exchange(client(null), pg.daemonPort,
                    "{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}");
            assertTrue(byPassword.get("ok").asBoolean(), byPassword.toString());
            assertEquals("AUTH_FAILED", exchange(client(null), pg.daemonPort, "{\"op\":\"logon\",\"certificate\":true}")
                    .at("/error/code").asText());
            assertEquals("AUTH_FAILED", exchange(client("eve.p12"), pg.daemonPort, "{\"op\":\"logon\",\"certificate\":true}")
                    .at("/error/code").asText());
        }
    }

    @Test
    void withNeedAClientWithoutACertificateCannotConnect() throws Exception {
        try (RunningPassGate pg = start("need")) {
            boolean refused;
            try {
                JsonNode r = exchange(client(null), pg.daemonPort, "{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}");
                refused = r == null;
            } catch (IOException handshakeFailed) {
                refused = true;
            }
            assertTrue(refused, "the TLS handshake needs a client certificate");
            assertTrue(exchange(client("joe.p12"), pg.daemonPort, "{\"op\":\"logon\",\"certificate\":true}")
                    .get("ok").asBoolean());
        }
    }
}
