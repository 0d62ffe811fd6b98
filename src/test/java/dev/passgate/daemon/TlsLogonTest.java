package dev.passgate.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.testkit.RunningPassGate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS on the daemon and server ports, and logon by client certificate, with stores made by keytool. */
class TlsLogonTest {

    private static final String PASSWORD = "changeit";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tls;
    @TempDir
    Path data;

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(tls.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    private static void keyPair(String store, String alias, String dname) throws Exception {
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store, "-storepass", PASSWORD,
                "-ext", "SAN=ip:127.0.0.1,dns:localhost");
    }

    private static void trust(String fromStore, String alias, String intoStore) throws Exception {
        keytool("-exportcert", "-alias", alias, "-keystore", fromStore, "-storepass", PASSWORD, "-file", alias + ".cer");
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", alias + ".cer", "-keystore", intoStore,
                "-storepass", PASSWORD, "-storetype", "PKCS12");
    }

    @BeforeAll
    static void stores() throws Exception {
        keyPair("server.p12", "server", "CN=localhost");
        keyPair("joe.p12", "joe", "CN=Joe,O=Example");
        keyPair("eve.p12", "eve", "CN=Eve,O=Example");
        trust("joe.p12", "joe", "clients.p12");
        trust("eve.p12", "eve", "clients.p12");
        trust("server.p12", "server", "client-trust.p12");
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
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load("client-trust.p12"));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore == null ? null : load(keyStore), PASSWORD.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keyStore == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static KeyStore load(String name) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.resolve(name))) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
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
