package dev.passgate.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.testkit.TestPassGate;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The passticket: component in an integrator's YAML routes (src/test/resources/integrator/). */
class PassTicketComponentRouteTest extends CamelTestSupport {

    @TempDir
    static Path data;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        TestPassGate.install(context, data, Map.of(
                "passgate.passticket.CICSPROD.legacy-key", TestPassGate.LEGACY_KEY));
        TestPassGate.loadRoutes(context, "classpath:integrator/cics-signon.camel.yaml");
        return context;
    }

    private String ticketFor(String user) throws InterruptedException {
        MockEndpoint cics = getMockEndpoint("mock:cics");
        cics.reset();
        cics.expectedMessageCount(1);
        template.sendBody("direct:cics-signon", user);
        cics.assertIsSatisfied();
        return cics.getExchanges().get(0).getMessage().getHeader(PassTicketHeaders.PASSTICKET, String.class);
    }

    @Test
    void aGeneratedTicketIsAcceptedOnceThenRefusedAsAReplay() throws Exception {
        String ticket = ticketFor("ibmuser");
        assertTrue(ticket.matches("[A-Z0-9]{8}"));

        MockEndpoint accepted = getMockEndpoint("mock:accepted");
        MockEndpoint rejected = getMockEndpoint("mock:rejected");
        accepted.expectedMessageCount(1);
        accepted.expectedHeaderReceived(PassTicketHeaders.OUTCOME, "VALID");
        rejected.expectedMessageCount(1);

        Map<String, Object> headers = Map.of(PassTicketHeaders.USER, "IBMUSER", PassTicketHeaders.PASSTICKET, ticket);
        template.sendBodyAndHeaders("direct:check-ticket", "", headers);
        template.sendBodyAndHeaders("direct:check-ticket", "", headers);

        MockEndpoint.assertIsSatisfied(context);
        Exchange refused = rejected.getExchanges().get(0);
        String reason = refused.getMessage().getBody(String.class);
        assertTrue(reason.contains("already used"), reason);
        assertTrue(reason.contains("IBMUSER") && reason.contains("CICSPROD"), reason);
        assertFalse(reason.contains(ticket), "the reason never repeats the ticket");
        assertNull(accepted.getExchanges().get(0).getMessage().getHeader(PassTicketHeaders.PASSTICKET),
                "an evaluated ticket is removed from the message");
    }

    @Test
    void aTicketForAnotherUserIsRefusedWithoutFailingTheRoute() throws Exception {
        String ticket = ticketFor("ibmuser");
        MockEndpoint rejected = getMockEndpoint("mock:rejected");
        rejected.expectedMessageCount(1);
        rejected.expectedHeaderReceived(PassTicketHeaders.OUTCOME, "INVALID");
        template.sendBodyAndHeaders("direct:audit-ticket", "",
                Map.of(PassTicketHeaders.USER, "JOE", PassTicketHeaders.PASSTICKET, ticket));
        rejected.assertIsSatisfied();
    }

    @Test
    void anApplicationWithoutKeysGivesASetupErrorNamingIt() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.sendBodyAndHeader(
                "passticket:generate?applid=NOKEYS", "", PassTicketHeaders.USER, "IBMUSER"));
        assertTrue(e.getCause().getMessage().contains("NOKEYS"), e.getCause().getMessage());
        assertTrue(e.getCause().getMessage().contains("PTKTDATA"), e.getCause().getMessage());
    }

    @Test
    void aMissingUserHeaderIsAClearError() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.sendBody("passticket:generate?applid=CICSPROD", ""));
        assertEquals("passticket: header PassGateUser with the user ID is missing", e.getCause().getMessage());
    }

    @Test
    void theApplidHeaderOverridesTheEndpoint() {
        Exchange out = template.request("passticket:generate?applid=NOKEYS", e -> {
            e.getMessage().setHeader(PassTicketHeaders.USER, "IBMUSER");
            e.getMessage().setHeader(PassTicketHeaders.APPLID, "CICSPROD");
        });
        assertNull(out.getException());
        assertEquals(8, out.getMessage().getHeader(PassTicketHeaders.PASSTICKET, String.class).length());
    }

    @Test
    void anUnknownOperationIsRefusedWhenTheRouteIsBuilt() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint("passticket:forge?applid=CICSPROD"));
        assertTrue(e.getMessage().contains("generate or evaluate"), e.getMessage());
    }
}
