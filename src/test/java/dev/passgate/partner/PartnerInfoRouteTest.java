package dev.passgate.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.testkit.TestPassGate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The partnerInfo step in an integrator's YAML route, after its own netty consumer. */
class PartnerInfoRouteTest {

    @TempDir
    static Path dataA;
    @TempDir
    static Path dataB;
    private static TwoNodes nodes;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        nodes = new TwoNodes(dataA, dataB, Map.of());
        port = TestPassGate.freePort();
        Properties p = new Properties();
        p.setProperty("who-is-there.port", Integer.toString(port));
        nodes.a.context.getPropertiesComponent().setOverrideProperties(p);
        TestPassGate.loadRoutes(nodes.a.context, "classpath:partner/who-is-there.camel.yaml");
    }

    @AfterAll
    static void stop() throws Exception {
        nodes.close();
    }

    private static String ask(Socket socket) throws Exception {
        socket.setSoTimeout(10_000);
        new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8).println("hi");
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    @Test
    void theRouteGreetsTheSessionUserOfAnotherNode() throws Exception {
        try (PartnerSocket joe = TwoNodes.partners(nodes.b).socket(TwoNodes.environment(nodes.b, "JOE"))) {
            joe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);

            assertEquals("hello JOE from PG02 (SAME_CLUSTER,INTERNAL)", ask(joe));
            List<String> netstat = TwoNodes.netstat(nodes.a, joe.getLocalPort());
            assertTrue(netstat.get(0).contains("(route)"), netstat.toString());
            assertTrue(netstat.get(4).contains("TcpClusterConnFlag: 8A   TcpTrustedPartner: C0"), netstat.toString());
        }
    }

    @Test
    void aRouteOnAnotherNodeCallingThroughPartnerClientInitializerIsRecognizedAsThatNode() throws Exception {
        nodes.b.context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("netty:tcp://127.0.0.1:" + port
                        + "?textline=true&sync=true&clientInitializerFactory=#partnerClientInitializer");
            }
        });

        String reply = nodes.b.context.createProducerTemplate().requestBody("direct:call", "hi", String.class);

        assertEquals("hello node PG02 (PASSGATE)", reply);
    }

    @Test
    void aClientFromOutsideTheClusterIsNotRecognized() throws Exception {
        try (Socket outsider = new Socket()) {
            outsider.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            outsider.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);

            assertEquals("who are you? OK NONE", ask(outsider));
        }
    }
}
