package dev.passgate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.passticket.Evaluation;
import dev.passgate.passticket.LegacyPassTicketAlgorithm;
import dev.passgate.passticket.PassTicketKey;
import dev.passgate.security.racf.CommandResult;
import dev.passgate.support.RegistryTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The RACF command subset, as administrators paste it. */
class RacfCommandsTest extends RegistryTestSupport {

    @BeforeEach
    void define() {
        t.admin("ADDUSER PASSGATE NOPASSWORD", "ADDUSER JOE PASSWORD(Secret1)");
    }

    @Test
    void theIssuesExampleCommandsWorkAsWritten() {
        t.admin("RDEFINE PTKTDATA FEKAPPL SSIGNON(KEYMASKED(E001193519561977)) APPLDATA('NO REPLAY PROTECTION – DO NOT CHANGE')",
                "RDEFINE PTKTDATA IRRPTAUTH.FEKAPPL.* UACC(NONE)",
                "PERMIT IRRPTAUTH.FEKAPPL.* CLASS(PTKTDATA) ID(PASSGATE) ACCESS(UPDATE)");
        var definition = t.registry.passTicketDefinitions().find("FEKAPPL").orElseThrow();
        assertTrue(definition.replayBypassed());
        assertEquals("ZVQLMCAN", new LegacyPassTicketAlgorithm(PassTicketKey.legacyHex("E001193519561977"))
                .generate("IBMUSER", "TSOR001", 1_700_000_000L));
        String ticket = t.registry.passTicketGenerator().generate("JOE", "FEKAPPL").ticket();
        assertEquals(Evaluation.Outcome.VALID, t.registry.passTicketEvaluator().evaluate("JOE", "FEKAPPL", ticket).outcome());
        SecurityEnvironment service = serviceEnvironment();
        assertTrue(t.registry.access().check(service, "PTKTDATA", "IRRPTAUTH.FEKAPPL.JOE", AccessLevel.UPDATE).allowed());
    }

    private SecurityEnvironment serviceEnvironment() {
        return new SecurityEnvironment("PASSGATE", "SYS1", List.of("SYS1"), LogonMethod.PASSTICKET, t.clock.instant());
    }

    @Test
    void enhancedKeysAndOptionsCanBeDefinedAndAltered() {
        String key = "00".repeat(32);
        t.admin("RDEFINE PTKTDATA CICSPROD SSIGNON(EPTKEYMASKED(" + key + ") EPTTYPE(UPPER) EPTTIMEOUT(120))");
        var d = t.registry.passTicketDefinitions().find("CICSPROD").orElseThrow();
        assertTrue(d.hasEnhancedKey());
        assertEquals(120, d.timeoutSeconds());
        t.admin("RALTER PTKTDATA CICSPROD SSIGNON(KEYMASKED(E001193519561977) EPTREPLAY(YES))");
        d = t.registry.passTicketDefinitions().find("CICSPROD").orElseThrow();
        assertTrue(d.hasLegacyKey() && d.hasEnhancedKey(), "RALTER keeps what it does not change");
        assertEquals(120, d.timeoutSeconds());
        t.admin("RALTER PTKTDATA CICSPROD NOSSIGNON");
        assertFalse(t.registry.passTicketDefinitions().find("CICSPROD").orElseThrow().hasKey());
    }

    @Test
    void permitTakesIdListsAndDelete() {
        t.admin("ADDGROUP OPS", "RDEFINE FACILITY PASSGATE.ADMIN.* UACC(NONE)",
                "PERMIT PASSGATE.ADMIN.* CLASS(FACILITY) ID(JOE OPS) ACCESS(CONTROL)");
        assertEquals(2, t.registry.profiles().find("FACILITY", "PASSGATE.ADMIN.*").orElseThrow().access().size());
        t.admin("PERMIT PASSGATE.ADMIN.* CLASS(FACILITY) ID(OPS) DELETE");
        assertEquals(List.of("JOE"), List.copyOf(t.registry.profiles().find("FACILITY", "PASSGATE.ADMIN.*").orElseThrow()
                .access().keySet()));
    }

    @Test
    void connectRemoveAndDeluser() {
        t.admin("ADDGROUP OPS", "CONNECT JOE GROUP(OPS)");
        assertEquals(List.of("OPS", "SYS1"), t.registry.users().groups("JOE"));
        t.admin("REMOVE JOE GROUP(OPS)");
        assertEquals(List.of("SYS1"), t.registry.users().groups("JOE"));
        assertEquals(8, t.run("REMOVE JOE GROUP(SYS1)").returnCode(), "the default group cannot be removed");
        t.admin("DELUSER JOE");
        assertFalse(t.registry.users().exists("JOE"));
    }

    @Test
    void setroptsChangesThePasswordRules() {
        assertEquals(90, t.registry.options().intervalDays(), "the default, now held by the registry");
        t.admin("SETROPTS PASSWORD(REVOKE(3) INTERVAL(60) MINLENGTH(6))");
        assertEquals(3, t.registry.options().revokeLimit());
        assertEquals(60, t.registry.options().intervalDays());
        assertEquals(6, t.registry.options().minLength());
        assertTrue(t.run("SETROPTS RACLIST(PTKTDATA) REFRESH").ok(), "pasted RACLIST REFRESH is accepted");
    }

    @Test
    void passwordsAndPhrasesFollowRacfLengths() {
        assertEquals(8, t.run("ALTUSER JOE PASSWORD(NINECHARS)").returnCode());
        assertEquals(8, t.run("ALTUSER JOE PHRASE('short')").returnCode());
        assertTrue(t.run("ALTUSER JOE PHRASE('nine char')").ok());
    }

    @Test
    void listingsSayAKeyExistsButNeverShowIt() {
        t.admin("RDEFINE PTKTDATA FEKAPPL SSIGNON(KEYMASKED(E001193519561977))");
        CommandResult r = t.run("RLIST PTKTDATA FEKAPPL");
        String text = String.join("\n", r.lines());
        assertTrue(text.contains("LEGACY-KEY=DEFINED"), text);
        assertFalse(text.toUpperCase().contains("E001193519561977"), text);
        String user = String.join("\n", t.run("LISTUSER JOE").lines());
        assertTrue(user.contains("PASSWORD=SET"), user);
        assertFalse(user.contains("Secret1") || user.contains("pbkdf2"), user);
    }

    @Test
    void theKeyIsEncryptedAtRest() {
        t.admin("RDEFINE PTKTDATA FEKAPPL SSIGNON(KEYMASKED(E001193519561977))");
        String stored = t.registry.profiles().find("PTKTDATA", "FEKAPPL").orElseThrow().sealedSsignon();
        assertTrue(stored.startsWith("v1:"));
        assertFalse(stored.toUpperCase().contains("E001193519561977"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "RDEFINE PTKTDATA APPL2 SSIGNON(KEYMASKED(E001193519561977)",       // unbalanced parentheses
        "RDEFINE PTKTDATA APPL2 SSIGNON(KEYMASKED(E001193519561977)))",     // one too many
        "RDEFINE PTKTDATA APPL2 APPLDATA('not closed)",                     // open quote
        "ADDUSER ANN PASSWORD(x) COLOUR(BLUE)",                              // unknown keyword
        "RDEFINE NOSUCHCL APPL2 UACC(READ)",                                  // unknown class
        "ADDUSER 1ANN",                                                        // bad user ID
        "ADDUSER ANNABELLE",                                                   // too long
        "RDEFINE PTKTDATA APPL2 SSIGNON(KEYMASKED(E00119351956197))",        // 15 digits
        "RDEFINE PTKTDATA APPL2 SSIGNON(KEYMASKED(E00119351956197Z))",       // not hex
        "RDEFINE PTKTDATA APPL2 SSIGNON(EPTKEYMASKED(00000000000000000000000000000000000000000000000000000000000000))", // 31 bytes
        "RDEFINE PTKTDATA APPL.* SSIGNON(KEYMASKED(E001193519561977))",      // generic with a key
        "PERMIT FEKAPPL CLASS(APPL) ID(NOBODY) ACCESS(READ)",                 // no such profile
        "ALTUSER JOE REVOKE RESUME",                                          // contradiction
        "FROBNICATE JOE",                                                      // unknown command
    })
    void badCommandsGiveOneClearLineAndChangeNothing(String command) {
        List<String> before = snapshot();
        CommandResult r = t.run(command);
        assertNotEquals(0, r.returnCode());
        assertEquals(1, r.lines().size(), r.lines().toString());
        assertFalse(r.lines().get(0).contains("Exception"), r.lines().get(0));
        assertFalse(r.lines().get(0).toUpperCase().contains("E00119351956197"), "no key digits in errors");
        assertEquals(before, snapshot());
    }

    @Test
    void aCommandThatFailsHalfwayLeavesNothingBehind() {
        List<String> before = snapshot();
        // ANN is valid, NOBODY is not: the whole PERMIT must fail, ANN gets no entry.
        t.admin("ADDUSER ANN");
        before = snapshot();
        t.admin("RDEFINE FACILITY X.Y UACC(NONE)");
        before = snapshot();
        CommandResult r = t.run("PERMIT X.Y CLASS(FACILITY) ID(ANN NOBODY) ACCESS(READ)");
        assertEquals(8, r.returnCode());
        assertEquals(before, snapshot());
    }

    /** Everything a command could change, as text (keys stay sealed, so this shows no secret). */
    private List<String> snapshot() {
        List<String> s = new ArrayList<>();
        t.registry.users().all().forEach(u -> s.add(u.toString() + u.passwordHash() + u.failures() + u.passwordExpired()
                + t.registry.users().groups(u.userId())));
        for (String cls : List.of("APPL", "PTKTDATA", "FACILITY", "FILE", "SERVAUTH")) {
            t.registry.profiles().all(cls).forEach(p -> s.add(p.toString() + p.access() + p.sealedSsignon()));
        }
        return s;
    }
}
