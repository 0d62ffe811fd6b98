package dev.passgate.security.racf;

import dev.passgate.security.AuditEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.security.AuditLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dispatcher: verbs found by name or alias in any case, and every command in the audit trail, masked. */
class RacfCommandProcessorTest extends RacfVerbTestSupport {

    private List<String> commandAudit() {
        return t.registry.audit().query(null, AuditEvent.COMMAND, 10).stream()
                .map(e -> e.actor() + " " + e.outcome() + " " + e.detail()).toList();
    }

    @Test
    void anUnknownVerbIsNotUnderstoodAndTheReplyListsTheVerbsPassGateKnows() {
        expect("FROBNICATE JOE", 12, "unknown command FROBNICATE (PassGate knows ADDUSER ALTUSER DELUSER LISTUSER ADDGROUP"
                + " DELGROUP CONNECT REMOVE RDEFINE RALTER RDELETE RLIST PERMIT SETROPTS RACDCERT)");
        assertEquals(List.of("TEST RC12 FROBNICATE JOE -- unknown command FROBNICATE (PassGate knows ADDUSER ALTUSER"
                + " DELUSER LISTUSER ADDGROUP DELGROUP CONNECT REMOVE RDEFINE RALTER RDELETE RLIST PERMIT SETROPTS"
                + " RACDCERT)"), commandAudit());
    }

    @Test
    void verbsAndAliasesAreFoundInAnyCase() {
        expect("adduser ann", 0, "user ANN defined, default group SYS1, no password");
        expect("alu ann special", 0, "user ANN altered");
        assertTrue(t.registry.users().find("ANN").orElseThrow().special());
    }

    @Test
    void everyCommandIsAuditedWithItsSecretsMasked() {
        t.admin("ADDUSER ANN PASSWORD(Secret1)");
        refused("ALTUSER ANN PASSWORD(Secret2) NOPASSWORD", "PASSWORD and NOPASSWORD cannot be given together");
        expect("ALTUSER ANN PHRASE('it is not closed)", 12, "a quoted string is not closed");
        expect("", 12, "empty command");
        assertEquals(List.of(
                "TEST RC12 unparseable command: empty command",
                "TEST RC12 unparseable command: a quoted string is not closed",
                "TEST RC8 ALTUSER ANN PASSWORD(********) NOPASSWORD -- PASSWORD and NOPASSWORD cannot be given together",
                "TEST RC0 ADDUSER ANN PASSWORD(********)"), commandAudit());
    }

    @Test
    void aRevokeByAltuserIsAuditedBesideTheCommand() {
        t.admin("ADDUSER ANN", "ALTUSER ANN REVOKE");
        List<AuditLog.Entry> revokes = t.registry.audit().query("ANN", AuditEvent.REVOKE, 10);
        assertEquals(List.of("ANN REVOKED by ALTUSER REVOKE"),
                revokes.stream().map(e -> e.user() + " " + e.outcome() + " " + e.detail()).toList());
        assertEquals("TEST RC0 ALTUSER ANN REVOKE", commandAudit().get(0));
    }
}
