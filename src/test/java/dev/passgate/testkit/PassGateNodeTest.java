package dev.passgate.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.security.AuditEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The published kit: a node per test, users by RACF commands, a client, and checks that fail when they should. */
class PassGateNodeTest {

    @RegisterExtension
    PassGateNode node = PassGateNode.builder().routes("src/test/resources/integrator")
            .setting("passgate.passticket.CICSPROD.legacy-key", TestPassGate.LEGACY_KEY).build();

    @Test
    void aUserDefinedByRacfLogsOnRunsRequestsAndLogsOutAndTheAuditTrailHasIt() {
        node.racf("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
        try (ClientSession session = node.client().session("joe", "Secret1")) {
            session.call("files.write", "path", "hello.txt", "content", "hi").assertOk();
            assertEquals("hello.txt", session.call("files.list", "path", ".").json().at("/entries/0/name").asText());
            session.call("files.read", "path", "missing.txt").assertError(ErrorCode.NOT_FOUND);
            session.logout().assertOk();
        }
        assertEquals("SUCCESS", node.audit().assertContains(AuditEvent.VERIFY, "JOE").outcome());
        node.audit().assertContains(AuditEvent.LOGOUT, "JOE");
        assertTrue(node.audit().contains(AuditEvent.LOGOUT, "JOE", "LOGOUT"));
    }

    @Test
    void theChecksFailWithTheReply() {
        node.racf("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
        Reply refused = node.client().logon("joe", "wrong");
        AssertionError e = assertThrows(AssertionError.class, refused::assertOk);
        assertTrue(e.getMessage().contains("AUTH_FAILED"), e.getMessage());
        assertThrows(AssertionError.class, () -> refused.assertError(ErrorCode.USER_REVOKED));
        assertThrows(AssertionError.class, () -> node.racf("ADDUSER JOE"), "JOE exists already");
        assertFalse(node.audit().contains(AuditEvent.LOGOUT, "JOE"));
        AssertionError none = assertThrows(AssertionError.class, () -> node.audit().assertContains(AuditEvent.JOB_SUBMIT, "JOE"));
        assertTrue(none.getMessage().contains("VERIFY JOE AUTH_FAILED"), none.getMessage());
    }

    @Test
    void integratorRoutesFromTheFolderRunInTheNode() {
        var reply = node.context().createProducerTemplate().request("direct:cics-signon", x -> x.getMessage().setBody("ibmuser"));
        assertEquals(8, reply.getMessage().getHeader("PassGatePassTicket", String.class).length());
    }

    @Test
    void withoutJunitANodeStartsAndStopsAndLeavesNoFolder(@TempDir Path unused) throws Exception {
        Path data;
        try (PassGateNode own = PassGateNode.builder().build().start()) {
            own.racf("ADDUSER ANN PASSWORD(Secret1) NOEXPIRED");
            own.client().logon("ann", "Secret1").assertOk();
            data = own.dataDir();
            assertTrue(Files.isDirectory(data));
        }
        assertFalse(Files.exists(data), "the data folder is deleted with the node");
    }
}
