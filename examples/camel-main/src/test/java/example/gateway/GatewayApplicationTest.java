package example.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.passgate.testkit.PassGateClient;
import dev.passgate.testkit.TestPassGate;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application itself, as main starts it: application.properties, the host's routes pattern, PassGate. */
class GatewayApplicationTest {

    @Test
    void theApplicationStartsWithPassGateAndItsOwnRoutes(@TempDir Path data) throws Exception {
        int port = TestPassGate.freePort();
        Main main = GatewayApplication.create();
        main.addOverrideProperty("passgate.data.dir", data.toString());
        main.addOverrideProperty("passgate.daemon.port", Integer.toString(port));
        main.addOverrideProperty("passgate.daemon.host", "127.0.0.1");
        main.addOverrideProperty("passgate.jobs.port", "0");
        main.addOverrideProperty("passgate.security.master-key", TestPassGate.MASTER_KEY);
        main.addOverrideProperty("passgate.security.password-iterations", TestPassGate.TEST_ITERATIONS);
        main.addOverrideProperty("passgate.passticket.CICSPROD.legacy-key", TestPassGate.LEGACY_KEY);
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            assertNotNull(context.getRoute("daemon-logon"));
            assertEquals(8, context.createProducerTemplate().requestBody("direct:cics-signon", "ibmuser", String.class).length());
            var security = context.getRegistry().lookupByNameAndType("passGateSecurity", dev.passgate.security.SecurityRegistry.class);
            security.commands().execute("ADDUSER TMP02 PASSWORD(Secret1) NOEXPIRED", "TEST");
            new PassGateClient(port).logon("tmp02", "Secret1").assertError(dev.passgate.protocol.ErrorCode.EXIT_REJECTED);
        } finally {
            main.stop();
        }
    }
}
