package dev.passgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.camel.PassTicketHeaders;
import dev.passgate.passticket.LegacyPassTicketAlgorithm;
import dev.passgate.passticket.PassTicketKey;
import dev.passgate.testkit.TestPassGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PassGate hosted by a plain CamelContext (no camel-main), the way an ESB embeds it. */
class EmbeddedPassGateTest {

    @TempDir
    Path data;

    @Test
    void aPlainCamelContextHostsPassGateAndItsComponent() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            System.setProperty("embedded.test.cics.key", TestPassGate.LEGACY_KEY);
            try {
                TestPassGate.install(context, data, Map.of(
                        // Keys come from wherever the host keeps them; here a system property.
                        "passgate.passticket.CICSPROD.legacy-key", "{{sys:embedded.test.cics.key}}"));
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:signon").to("passticket:generate?applid=CICSPROD");
                    }
                });
                context.start();

                ProducerTemplate template = context.createProducerTemplate();
                var reply = template.request("direct:signon", e -> e.getMessage().setHeader(PassTicketHeaders.USER, "ibmuser"));
                String ticket = reply.getMessage().getHeader(PassTicketHeaders.PASSTICKET, String.class);
                long time = reply.getMessage().getHeader(PassTicketHeaders.TIME, Long.class);
                String expected = new LegacyPassTicketAlgorithm(PassTicketKey.legacyHex(TestPassGate.LEGACY_KEY))
                        .generate("IBMUSER", "CICSPROD", time);
                assertEquals(expected, ticket);
                assertEquals("LEGACY", reply.getMessage().getHeader(PassTicketHeaders.TYPE));
                assertTrue(context.getRouteController().getRouteStatus("passticket-replay-purge").isStarted());
            } finally {
                System.clearProperty("embedded.test.cics.key");
            }
        }
        assertTrue(Files.exists(data.resolve("passgate.mv.db")), "the H2 file lives in the configured data folder");
    }

    @Test
    void theHostsSettingsWinOverPassGateDefaults() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            PassGate passGate = TestPassGate.install(context, data, Map.of("passgate.applid", "MYAPPL"));
            assertEquals("MYAPPL", passGate.settings().applid());
            assertEquals("PG01", passGate.settings().systemName());
        }
    }

    @Test
    void anUnsafeApplidIsRefusedUnlessAllowed() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> TestPassGate.install(context, data, Map.of("passgate.applid", "OMVSAPPL")));
            assertTrue(e.getMessage().contains("passgate.applid.allow-unsafe"));
        }
        try (CamelContext context = new DefaultCamelContext()) {
            assertThrows(IllegalStateException.class,
                    () -> TestPassGate.install(context, data, Map.of("passgate.applid", "MVSPG01")));
        }
        try (CamelContext context = new DefaultCamelContext()) {
            PassGate passGate = TestPassGate.install(context, data,
                    Map.of("passgate.applid", "OMVSAPPL", "passgate.applid.allow-unsafe", "true"));
            assertEquals("OMVSAPPL", passGate.settings().applid());
        }
    }
}
