package dev.passgate.security.racf;

import dev.passgate.security.AuditEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.passgate.security.AuditLog;
import dev.passgate.security.VerifyRequest;
import dev.passgate.security.VerifyResult.Outcome;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ADDUSER, ALTUSER, DELUSER and LISTUSER: what each answers, word for word, and what it changes. */
class UserVerbsTest extends RacfVerbTestSupport {

    private static final String PASSDATE = "2023-11-14T22:13:20Z"; // the test clock's start

    @BeforeEach
    void define() {
        t.admin("ADDUSER JOE PASSWORD(Secret1) NAME('Joe Bloggs')");
    }

    private Outcome logon(String user, String password) {
        return t.registry.verifier().verify(VerifyRequest.password(user, password.toCharArray()).from("127.0.0.1"))
                .outcome();
    }

    @Test
    void adduserSaysHowTheUserCanLogOn() {
        expect("ADDUSER ANN PASSWORD(Secret1)", 0,
                "user ANN defined, default group SYS1, password expired (change at first logon)");
        expect("AU BOB PHRASE('nine chars') NOEXPIRED", 0, "user BOB defined, default group SYS1, password set");
        expect("ADDUSER SVC NOPASSWORD", 0, "user SVC defined, default group SYS1, protected (no password logon)");
        expect("ADDUSER CAL", 0, "user CAL defined, default group SYS1, no password");
        assertEquals(Outcome.SUCCESS, logon("BOB", "nine chars"));
        assertEquals(List.of("SYS1"), t.registry.users().groups("CAL"));
    }

    @Test
    void adduserRefusesWhatItCannotDefine() {
        refused("ADDUSER JOE", "user JOE is already defined");
        refused("ADDUSER SYS1", "SYS1 is already a group");
        refused("ADDUSER ANN DFLTGRP(NOGRP)", "group NOGRP is not defined");
        refused("ADDUSER ANN PASSWORD(Secret1) NOPASSWORD", "PASSWORD and NOPASSWORD cannot be given together");
        refused("ADDUSER ANN PHRASE('nine chars') NOPASSWORD", "PHRASE and NOPASSWORD cannot be given together");
        refused("ADDUSER ANN PASSWORD(Secret1) PW(Secret1)", "PASSWORD is given twice");
        refused("ADDUSER ANN PASSWORD(NINECHARS)", "PASSWORD takes up to 8 characters; use PHRASE for longer ones");
        refused("ADDUSER ANN PHRASE('short')", "PHRASE takes 9 to 100 characters");
        refused("ADDUSER ANN TOTP(12)", "TOTP takes a secret of at least 10 bytes in hexadecimal");
        refused("ADDUSER ANN REVOKE", "unknown keyword REVOKE for ADDUSER (allowed: DATA DFLTGRP NAME NOEXPIRED"
                + " NOPASSWORD OWNER PASSWORD PHRASE PW SPECIAL TOTP)");
        refused("ADDUSER", "ADDUSER needs 1 operand before its keywords");
        refused("ADDUSER ANN NAME(A B)", "NAME takes one value in parentheses");
        assertFalse(t.registry.users().exists("ANN"));
    }

    @Test
    void listuserShowsEveryAttributeButNoSecret() {
        expect("LISTUSER JOE", 0,
                "USER=JOE  NAME=Joe Bloggs  DEFAULT-GROUP=SYS1",
                "  ATTRIBUTES=NONE",
                "  PASSWORD=SET  PHRASE=NONE  EXPIRED=YES  PASS-INTERVAL=SYSTEM  FAILED-LOGONS=0  TOTP=NONE",
                "  PASSDATE=" + PASSDATE + "  GROUPS=SYS1");
        t.admin("ADDUSER SVC NOPASSWORD SPECIAL");
        expect("LU SVC", 0,
                "USER=SVC  NAME=UNKNOWN  DEFAULT-GROUP=SYS1",
                "  ATTRIBUTES=SPECIAL PROTECTED NONE",
                "  PASSWORD=NONE  PHRASE=NONE  EXPIRED=YES  PASS-INTERVAL=SYSTEM  FAILED-LOGONS=0  TOTP=NONE",
                "  PASSDATE=" + PASSDATE + "  GROUPS=SYS1");
        assertEquals(List.of("USER=JOE", "USER=SVC"), lines("LISTUSER *").stream().filter(l -> l.startsWith("USER="))
                .map(l -> l.substring(0, l.indexOf(' '))).toList());
        refused("LISTUSER NOBODY", "user NOBODY is not defined");
        refused("LISTUSER JOE NAME(X)", "unknown keyword NAME for LISTUSER (allowed: )");
    }

    @Test
    void altuserChangesOnlyWhatItNames() {
        t.admin("ADDGROUP OPS");
        expect("ALTUSER JOE DFLTGRP(OPS) SPECIAL INTERVAL(30) TOTP(3132333435363738393031323334353637383930)"
                + " NAME('Joe B')", 0, "user JOE altered");
        expect("LISTUSER JOE", 0,
                "USER=JOE  NAME=Joe B  DEFAULT-GROUP=OPS",
                "  ATTRIBUTES=SPECIAL NONE",
                "  PASSWORD=SET  PHRASE=NONE  EXPIRED=YES  PASS-INTERVAL=30  FAILED-LOGONS=0  TOTP=DEFINED",
                "  PASSDATE=" + PASSDATE + "  GROUPS=OPS SYS1");
        expect("ALU JOE NOSPECIAL NOTOTP NOEXPIRED", 0, "user JOE altered");
        expect("LISTUSER JOE", 0,
                "USER=JOE  NAME=Joe B  DEFAULT-GROUP=OPS",
                "  ATTRIBUTES=NONE",
                "  PASSWORD=SET  PHRASE=NONE  EXPIRED=NO  PASS-INTERVAL=30  FAILED-LOGONS=0  TOTP=NONE",
                "  PASSDATE=" + PASSDATE + "  GROUPS=OPS SYS1");
        assertEquals(Outcome.SUCCESS, logon("JOE", "Secret1"), "the password was kept");
    }

    @Test
    void altuserSetsAndRemovesPasswords() {
        expect("ALTUSER JOE PASSWORD(Secret2)", 0, "user JOE altered", "password set, expired (change at next logon)");
        assertEquals(Outcome.PASSWORD_EXPIRED, logon("JOE", "Secret2"));
        expect("ALTUSER JOE PW(Secret3) NOEXPIRED", 0, "user JOE altered", "password set");
        assertEquals(Outcome.SUCCESS, logon("JOE", "Secret3"));
        expect("ALTUSER JOE PHRASE('nine chars') NOEXPIRED", 0, "user JOE altered", "password set");
        assertEquals(Outcome.SUCCESS, logon("JOE", "Secret3"), "a phrase leaves the password alone");
        assertEquals(Outcome.SUCCESS, logon("JOE", "nine chars"));
        expect("ALTUSER JOE NOPHRASE", 0, "user JOE altered");
        assertEquals(Outcome.AUTH_FAILED, logon("JOE", "nine chars"));
        expect("ALTUSER JOE NOPASSWORD", 0, "user JOE altered",
                "password removed: JOE is a protected user (no password logon)");
        assertEquals(Outcome.AUTH_FAILED, logon("JOE", "Secret3"));
        expect("ALTUSER JOE PASSWORD(Secret4) NOEXPIRED", 0, "user JOE altered", "password set");
        assertEquals(Outcome.SUCCESS, logon("JOE", "Secret4"), "a new password ends the protection");
    }

    @Test
    void altuserRevokesAndResumes() {
        logon("JOE", "Wrong1");
        logon("JOE", "Wrong2");
        expect("ALTUSER JOE REVOKE", 0, "user JOE altered", "user JOE revoked");
        assertEquals(Outcome.USER_REVOKED, logon("JOE", "Secret1"));
        List<AuditLog.Entry> revokes = t.registry.audit().query("JOE", AuditEvent.REVOKE, 10);
        assertEquals(List.of("by ALTUSER REVOKE"), revokes.stream().map(AuditLog.Entry::detail).toList());
        assertEquals(2, t.registry.users().find("JOE").orElseThrow().failures(), "REVOKE keeps the count");
        expect("ALTUSER JOE RESUME NOEXPIRED", 0, "user JOE altered", "user JOE resumed");
        assertEquals(0, t.registry.users().find("JOE").orElseThrow().failures(), "RESUME clears the count");
        assertEquals(Outcome.SUCCESS, logon("JOE", "Secret1"));
    }

    @Test
    void altuserRefusesContradictionsAndBadValues() {
        refused("ALTUSER JOE REVOKE RESUME", "REVOKE and RESUME cannot be given together");
        refused("ALTUSER JOE PASSWORD(Secret2) NOPASSWORD", "PASSWORD and NOPASSWORD cannot be given together");
        refused("ALTUSER JOE EXPIRED NOEXPIRED", "EXPIRED and NOEXPIRED cannot be given together");
        refused("ALTUSER JOE SPECIAL NOSPECIAL", "SPECIAL and NOSPECIAL cannot be given together");
        refused("ALTUSER JOE TOTP(3132333435363738393031323334353637383930) NOTOTP",
                "TOTP and NOTOTP cannot be given together");
        refused("ALTUSER JOE INTERVAL(255)", "INTERVAL takes a number from 0 to 254");
        refused("ALTUSER JOE DFLTGRP(NOGRP)", "group NOGRP is not defined");
        refused("ALTUSER NOBODY REVOKE", "user NOBODY is not defined");
        refused("ALTUSER JOE SUPGROUP(SYS1)", "unknown keyword SUPGROUP for ALTUSER (allowed: DATA DFLTGRP EXPIRED"
                + " INTERVAL NAME NOEXPIRED NOPASSWORD NOPHRASE NOSPECIAL NOTOTP OWNER PASSWORD PHRASE PW RESUME REVOKE"
                + " SPECIAL TOTP)");
    }

    @Test
    void deluserDeletesTheUser() {
        expect("DELUSER JOE", 0, "user JOE deleted");
        assertFalse(t.registry.users().exists("JOE"));
        refused("DU JOE", "user JOE is not defined");
        refused("DELUSER 1JOE", "user ID '1JOE' must not start with a digit");
        refused("ADDUSER ANNABELLE", "user ID 'ANNABELLE' is longer than 8 characters");
    }
}
