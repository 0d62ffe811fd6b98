package dev.passgate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.support.RegistryTestSupport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Access lists, UACC and the per-class rule for resources no profile covers. */
class AccessCheckerTest extends RegistryTestSupport {

    @BeforeEach
    void define() {
        t.admin("ADDGROUP OPS", "ADDUSER JOE DFLTGRP(OPS)", "ADDUSER ANN", "CONNECT ANN GROUP(OPS)", "ADDUSER BOB");
    }

    private static SecurityEnvironment env(String user, String... groups) {
        return new SecurityEnvironment(user, groups.length > 0 ? groups[0] : "SYS1", List.of(groups), LogonMethod.PASSWORD,
                Instant.EPOCH);
    }

    private AccessDecision check(SecurityEnvironment e, String cls, String resource, AccessLevel level) {
        return t.registry.access().check(e, cls, resource, level);
    }

    @Test
    void aUserEntryWinsOverTheUsersGroupsEvenWhenLower() {
        t.admin("RDEFINE FACILITY PASSGATE.ADMIN.** UACC(NONE)",
                "PERMIT PASSGATE.ADMIN.** CLASS(FACILITY) ID(OPS) ACCESS(CONTROL)",
                "PERMIT PASSGATE.ADMIN.** CLASS(FACILITY) ID(ANN) ACCESS(READ)");
        assertTrue(check(env("JOE", "OPS"), "FACILITY", "PASSGATE.ADMIN.CANCEL", AccessLevel.CONTROL).allowed());
        AccessDecision ann = check(env("ANN", "SYS1", "OPS"), "FACILITY", "PASSGATE.ADMIN.CANCEL", AccessLevel.CONTROL);
        assertFalse(ann.allowed());
        assertEquals(AccessLevel.READ, ann.granted());
        assertEquals("PASSGATE.ADMIN.**", ann.profile());
    }

    @Test
    void theHighestGroupEntryAppliesAndUaccCoversEveryoneElse() {
        t.admin("ADDGROUP AUDIT", "CONNECT JOE GROUP(AUDIT)", "RDEFINE FILE /shared/** UACC(READ)",
                "PERMIT /shared/** CLASS(FILE) ID(OPS) ACCESS(UPDATE)", "PERMIT /shared/** CLASS(FILE) ID(AUDIT) ACCESS(ALTER)");
        assertEquals(AccessLevel.ALTER, check(env("JOE", "OPS", "AUDIT"), "FILE", "/shared/a", AccessLevel.READ).granted());
        AccessDecision bob = check(env("BOB", "SYS1"), "FILE", "/shared/a", AccessLevel.UPDATE);
        assertFalse(bob.allowed());
        assertEquals(AccessLevel.READ, bob.granted());
    }

    @Test
    void idStarGivesEveryDefinedUserAccess() {
        t.admin("RDEFINE SERVAUTH EZB.IOCTL.PG01.TCPIP.PARTNERINFO UACC(NONE)",
                "PERMIT EZB.IOCTL.PG01.TCPIP.PARTNERINFO CLASS(SERVAUTH) ID(*) ACCESS(READ)");
        assertTrue(check(env("BOB", "SYS1"), "SERVAUTH", "EZB.IOCTL.PG01.TCPIP.PARTNERINFO", AccessLevel.READ).allowed());
    }

    @Test
    void withoutAProfileApplAllowsAndTheOtherClassesDeny() {
        assertTrue(check(env("BOB"), "APPL", "CICSPROD", AccessLevel.READ).allowed());
        for (String cls : List.of("PTKTDATA", "SERVAUTH", "FACILITY", "FILE")) {
            AccessDecision d = check(env("BOB"), cls, "ANYTHING", AccessLevel.READ);
            assertFalse(d.allowed(), cls);
            assertTrue(d.noProfile(), cls);
        }
    }

    @Test
    void anApplProfileWithUaccNoneKeepsOutUsersNotPermitted() {
        t.admin("RDEFINE APPL FEKAPPL UACC(NONE)", "PERMIT FEKAPPL CLASS(APPL) ID(OPS) ACCESS(READ)");
        assertTrue(check(env("JOE", "OPS"), "APPL", "FEKAPPL", AccessLevel.READ).allowed());
        assertFalse(check(env("BOB", "SYS1"), "APPL", "FEKAPPL", AccessLevel.READ).allowed());
    }

    @Test
    void theMostSpecificGenericProfileDecides() {
        t.admin("RDEFINE PTKTDATA IRRPTAUTH.** UACC(UPDATE)", "RDEFINE PTKTDATA IRRPTAUTH.FEKAPPL.* UACC(NONE)");
        assertFalse(check(env("BOB"), "PTKTDATA", "IRRPTAUTH.FEKAPPL.JOE", AccessLevel.UPDATE).allowed());
        assertTrue(check(env("BOB"), "PTKTDATA", "IRRPTAUTH.CICS.JOE", AccessLevel.UPDATE).allowed());
    }

    @Test
    void aClassDefinedThroughTheCdtCarriesItsOwnNoProfileRule() {
        t.admin("RDEFINE CDT MYCLASS CDTINFO(DEFAULTRC(0))", "RDEFINE CDT STRICT");
        assertTrue(check(env("BOB"), "MYCLASS", "X", AccessLevel.ALTER).allowed());
        assertFalse(check(env("BOB"), "STRICT", "X", AccessLevel.READ).allowed());
    }
}
