package example.springgateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.security.SecurityRegistry;
import dev.passgate.testkit.PassGateClient;
import dev.passgate.testkit.TestPassGate;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Spring Boot application with PassGate: settings from Spring, a logon on the daemon, the host's passticket: route. */
@CamelSpringBootTest
@SpringBootTest(properties = "camel.springboot.main-run-controller=false")
class GatewayApplicationTest {

    @TempDir
    static Path work;
    static final int DAEMON_PORT = TestPassGate.freePort();

    @DynamicPropertySource
    static void passGateSettings(DynamicPropertyRegistry registry) {
        registry.add("passgate.data.dir", () -> work.resolve("data").toString());
        registry.add("passgate.daemon.port", () -> DAEMON_PORT);
        registry.add("passgate.daemon.host", () -> "127.0.0.1");
        registry.add("passgate.jobs.port", () -> "0");
        registry.add("passgate.security.master-key", () -> TestPassGate.MASTER_KEY);
        registry.add("passgate.security.password-iterations", () -> TestPassGate.TEST_ITERATIONS);
        registry.add("passgate.passticket.CICSPROD.legacy-key", () -> TestPassGate.LEGACY_KEY);
    }

    @Autowired
    CamelContext context;
    @Autowired
    ProducerTemplate template;

    @Test
    void passGateRunsInSpringsCamelContextWithItsSettings() throws Exception {
        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("daemon-logon"));
        assertEquals("GATEWAY", context.resolvePropertyPlaceholders("{{passgate.applid}}"));
        assertTrue(Files.exists(work.resolve("data/passgate.mv.db")), "the store lives in passgate.data.dir");

        SecurityRegistry security = context.getRegistry().lookupByNameAndType("passGateSecurity", SecurityRegistry.class);
        assertTrue(security.commands().execute("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "TEST").ok());
        PassGateClient client = new PassGateClient(DAEMON_PORT);
        client.logon("joe", "wrong").assertError(ErrorCode.AUTH_FAILED);
        client.session("joe", "Secret1").call("whoami").assertField("user", "JOE");
    }

    @Test
    void theHostsRouteMakesPassTicketsWithTheKeyFromSpringsProperties() {
        String ticket = template.requestBody("direct:cics-signon", "ibmuser", String.class);
        assertEquals(8, ticket.length());
    }
}
