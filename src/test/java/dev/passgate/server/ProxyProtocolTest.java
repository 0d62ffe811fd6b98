package dev.passgate.server;

import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.security.AuditEvent;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind a load balancer that speaks the PROXY protocol, the client's own address, not the
 * balancer's, is what the audit records and what the client ID is bound to.
 */
class ProxyProtocolTest {

    @TempDir
    Path data;

    private static final Map<String, String> BEHIND_BALANCER = Map.of("passgate.server.proxy-protocol", "true",
            "passgate.server.proxy-protocol.trusted", "127.0.0.1");

    /** A PROXY protocol v2 header, as HAProxy sends it for a TCP over IPv4 client. */
    private static byte[] header(String source, int sourcePort, int destinationPort) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A});
        b.write(0x21); // version 2, PROXY
        b.write(0x11); // IPv4, stream
        b.write(new byte[] {0, 12});
        b.write(InetAddress.getByName(source).getAddress());
        b.write(InetAddress.getLoopbackAddress().getAddress());
        b.write(new byte[] {(byte) (sourcePort >> 8), (byte) sourcePort});
        b.write(new byte[] {(byte) (destinationPort >> 8), (byte) destinationPort});
        return b.toByteArray();
    }

    /** A connection as the balancer makes it for the client at {@code source}. */
    private static LineClient through(String source, int port) throws Exception {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        LineClient c = new LineClient(s);
        c.sendRaw(header(source, 40_000, port));
        return c;
    }

    private static JsonNode logon(int port, String source, String password) throws Exception {
        try (LineClient c = through(source, port)) {
            return c.request("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"" + password + "\"}");
        }
    }

    @Test
    void theClientsAddressIsAuditedAndBindsItsClientId() throws Exception {
        try (RunningPassGate pg = new RunningPassGate(data, BEHIND_BALANCER)) {
            pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            assertEquals("AUTH_FAILED", code(logon(pg.daemonPort, "203.0.113.7", "wrong")));
            assertTrue(pg.passGate.security().audit().query("JOE", AuditEvent.VERIFY, 10).stream()
                    .anyMatch(e -> "203.0.113.7".equals(e.actor())), "the failed logon is audited from the client's address");

            JsonNode first = logon(pg.daemonPort, "203.0.113.7", "Secret1");
            try (LineClient elsewhere = through("198.51.100.9", first.get("port").asInt())) {
                JsonNode refused = elsewhere.request("{\"op\":\"connect\",\"clientId\":\"" + first.get("clientId").asText() + "\"}");
                assertEquals("INVALID_CLIENT_ID", code(refused), "another client behind the balancer cannot redeem it");
            }
            JsonNode second = logon(pg.daemonPort, "203.0.113.7", "Secret1");
            try (LineClient same = through("203.0.113.7", second.get("port").asInt())) {
                JsonNode connected = same.request("{\"op\":\"connect\",\"clientId\":\"" + second.get("clientId").asText() + "\"}");
                assertEquals("OK", code(connected), connected.toString());
                assertEquals("JOE", same.request("{\"op\":\"whoami\"}").get("user").asText());
            }
        }
    }

    @Test
    void aConnectionWithoutTheHeaderIsClosedUnanswered() throws Exception {
        try (RunningPassGate pg = new RunningPassGate(data, BEHIND_BALANCER);
                LineClient direct = new LineClient(pg.daemonPort)) {
            direct.send("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}");
            assertTrue(direct.closedByServer());
        }
    }

    @Test
    void onlyTheListedProxiesMayConnect() throws Exception {
        try (RunningPassGate pg = new RunningPassGate(data, Map.of("passgate.server.proxy-protocol", "true",
                "passgate.server.proxy-protocol.trusted", "10.9.9.9"));
                LineClient spoofing = through("203.0.113.7", pg.daemonPort)) {
            boolean closed;
            try {
                spoofing.send("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}");
                closed = spoofing.closedByServer();
            } catch (SocketException closedBeforeTheLogonLine) {
                closed = true; // the server closed it on the header alone, before the line was written
            }
            assertTrue(closed, "a peer that is not a listed proxy cannot choose its address");
        }
    }

    @Test
    void turningItOnWithoutTheProxiesListIsRefusedAtStart() {
        Exception e = assertThrows(Exception.class, () -> new RunningPassGate(data,
                Map.of("passgate.server.proxy-protocol", "true")).close());
        assertTrue(e.getMessage().contains("passgate.server.proxy-protocol.trusted"), e.getMessage());
    }
}
