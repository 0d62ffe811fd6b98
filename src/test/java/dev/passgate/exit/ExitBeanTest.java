package dev.passgate.exit;

import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.PassGate;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.TestPassGate;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Java exit the host binds in the Camel registry and names in passgate.exit.bean, configured through its ExitContext. */
class ExitBeanTest {

    @TempDir
    Path data;

    /** Refuses the users listed in the setting passgate.test.refused, read at init. */
    static final class ListedUsersExit extends LoginExitAdapter {
        volatile String refused = "";
        volatile ExitContext context;

        @Override
        public Object init(ExitContext context) {
            this.context = context;
            refused = context.setting("passgate.test.refused").orElse("");
            return null;
        }

        @Override
        public ExitResult login(ExitEvent event) {
            return refused.contains(event.user()) ? ExitResult.FAIL : ExitResult.CONTINUE;
        }
    }

    @Test
    void theNamedBeanIsTheExitAndReadsItsSettingsAndTheRegistry() throws Exception {
        ListedUsersExit exit = new ListedUsersExit();
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("listedUsers", exit);
        try (context) {
            PassGate pg = TestPassGate.install(context, data, Map.of("passgate.exit.bean", "listedUsers",
                    "passgate.exit.class", RecordingExit.class.getName(), "passgate.test.refused", "MALLORY"));
            context.start();
            pg.security().commands().execute("ADDUSER MALLORY PASSWORD(Secret1) NOEXPIRED", "TEST");
            pg.security().commands().execute("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "TEST");
            int port = Integer.parseInt(pg.settings().string("passgate.daemon.port"));
            try (LineClient daemon = new LineClient(port)) {
                assertEquals("EXIT_REJECTED", code(daemon.request(
                        "{\"op\":\"logon\",\"user\":\"MALLORY\",\"password\":\"Secret1\"}")));
            }
            try (LineClient daemon = new LineClient(port)) {
                assertEquals("OK", code(daemon.request("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")));
            }
            assertSame(exit, pg.daemon().exits().javaExit().orElseThrow(), "the bean wins over passgate.exit.class");
            assertSame(exit, exit.context.bean("listedUsers", LoginExit.class).orElseThrow());
            assertEquals(SecurityMode.SAF, exit.context.securityMode());
        }
    }

    @Test
    void aBeanNameTheRegistryDoesNotKnowStopsTheStartWithTheReason() throws Exception {
        CamelContext context = new DefaultCamelContext();
        try (context) {
            TestPassGate.install(context, data, Map.of("passgate.exit.bean", "missingExit"));
            Exception e = assertThrows(Exception.class, context::start);
            String message = e.getMessage() + (e.getCause() != null ? " " + e.getCause().getMessage() : "");
            assertTrue(message.contains("passgate.exit.bean names missingExit"), message);
        }
    }
}
