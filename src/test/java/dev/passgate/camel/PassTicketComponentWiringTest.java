package dev.passgate.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.PassGate;
import dev.passgate.passticket.PassTicketDefinition;
import dev.passgate.passticket.PassTicketGenerator;
import dev.passgate.passticket.PassTicketKey;
import dev.passgate.testkit.TestPassGate;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a passticket: endpoint finds its engine and takes its options. */
class PassTicketComponentWiringTest {

    private static final PassTicketGenerator DEMO_ONLY = new PassTicketGenerator(profile -> "DEMO".equals(profile)
            ? Optional.of(new PassTicketDefinition("DEMO", PassTicketKey.legacyHex(TestPassGate.LEGACY_KEY), null, null,
                    60, false, null))
            : Optional.empty(), Clock.systemUTC());
    private static final PassTicketGenerator NO_APPLICATIONS = new PassTicketGenerator(profile -> Optional.empty(),
            Clock.systemUTC());

    @Test
    void aRouteWithoutPassGateFailsToStartSayingWhatIsMissing() throws Exception {
        try (var context = new DefaultCamelContext()) {
            context.addRoutes(route("passticket:generate?applid=DEMO"));
            Exception e = assertThrows(Exception.class, context::start);
            assertTrue(rootMessage(e).contains("install PassGate into the CamelContext first"), rootMessage(e));
        }
    }

    @Test
    void theGeneratorBoundUnderPassGatesNameWinsOverOthersOfTheSameType() throws Exception {
        try (var context = new DefaultCamelContext()) {
            context.getRegistry().bind("someoneElsesGenerator", NO_APPLICATIONS);
            context.getRegistry().bind(PassGate.GENERATOR, DEMO_ONLY);
            context.addRoutes(route("passticket:generate?applid=DEMO"));
            context.start();

            Exchange out = context.createProducerTemplate().request("direct:sign-on",
                    e -> e.getMessage().setHeader(PassTicketHeaders.USER, "IBMUSER"));
            assertNull(out.getException());
            assertEquals(8, out.getMessage().getHeader(PassTicketHeaders.PASSTICKET, String.class).length());
        }
    }

    @Test
    void aGeneratorSetOnTheComponentIsTheOneUsed() throws Exception {
        try (var context = new DefaultCamelContext()) {
            context.getRegistry().bind(PassGate.GENERATOR, NO_APPLICATIONS);
            PassTicketComponent component = new PassTicketComponent();
            component.setGenerator(DEMO_ONLY);
            context.addComponent("passticket", component);
            context.addRoutes(route("passticket:generate?applid=DEMO"));
            context.start();

            Exchange out = context.createProducerTemplate().request("direct:sign-on",
                    e -> e.getMessage().setHeader(PassTicketHeaders.USER, "IBMUSER"));
            assertNull(out.getException());
        }
    }

    @Test
    void passGateAutowiresItsEngineIntoTheComponent(@TempDir Path data) throws Exception {
        try (var context = new DefaultCamelContext()) {
            TestPassGate.install(context, data, Map.of());
            PassTicketComponent component = context.getComponent("passticket", PassTicketComponent.class);
            assertSame(context.getRegistry().lookupByName(PassGate.GENERATOR), component.getGenerator());
            assertSame(context.getRegistry().lookupByName(PassGate.EVALUATOR), component.getEvaluator());
        }
    }

    @Test
    void uriOptionsReachTheEndpointAndAMisspeltOneIsRefused() throws Exception {
        try (var context = new DefaultCamelContext()) {
            var endpoint = context.getEndpoint(
                    "passticket:EVALUATE?applid=CICSPROD&userHeader=Who&ticketHeader=Ticket&failOnInvalid=false",
                    PassTicketEndpoint.class);
            assertEquals(PassTicketEndpoint.Operation.EVALUATE, endpoint.getOperation());
            assertEquals("CICSPROD", endpoint.getApplid());
            assertEquals("Who", endpoint.getUserHeader());
            assertEquals("Ticket", endpoint.getTicketHeader());
            assertFalse(endpoint.isFailOnInvalid());

            var defaults = context.getEndpoint("passticket:generate", PassTicketEndpoint.class);
            assertEquals(PassTicketHeaders.USER, defaults.getUserHeader());
            assertEquals(PassTicketHeaders.PASSTICKET, defaults.getTicketHeader());
            assertTrue(defaults.isFailOnInvalid());

            Exception e = assertThrows(Exception.class,
                    () -> context.getEndpoint("passticket:evaluate?applid=CICSPROD&failOnInvalidd=false"));
            assertTrue(e.getMessage().contains("failOnInvalidd"), e.getMessage());
        }
    }

    private static RouteBuilder route(String to) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sign-on").to(to);
            }
        };
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
