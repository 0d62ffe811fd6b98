package example.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.security.AuditEvent;
import dev.passgate.testkit.PassGateNode;
import dev.passgate.testkit.TestPassGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway's routes on a PassGate node of the test kit. */
class GatewayTest {

    @RegisterExtension
    PassGateNode node = PassGateNode.builder().routes("src/main/resources/routes")
            .setting("passgate.passticket.CICSPROD.legacy-key", TestPassGate.LEGACY_KEY).build();

    @Test
    void temporaryUsersAreRefusedAtLogonOthersGetIn() {
        node.racf("ADDUSER TMP01 PASSWORD(Secret1) NOEXPIRED", "ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
        node.client().logon("tmp01", "Secret1").assertError(ErrorCode.EXIT_REJECTED);
        node.audit().assertContains(AuditEvent.EXIT, "TMP01");
        node.client().session("joe", "Secret1").call("whoami").assertField("user", "JOE");
    }

    @Test
    void theSignonRouteMakesAPassTicketThatPassGateAccepts() {
        var template = node.context().createProducerTemplate();
        String ticket = template.requestBody("direct:cics-signon", "ibmuser", String.class);
        assertEquals(8, ticket.length());
        var evaluated = template.request("passticket:evaluate?applid=CICSPROD", x -> {
            x.getMessage().setHeader("PassGateUser", "IBMUSER");
            x.getMessage().setHeader("PassGatePassTicket", ticket);
        });
        assertEquals("VALID", evaluated.getMessage().getHeader("PassGatePassTicketOutcome"));
    }
}
