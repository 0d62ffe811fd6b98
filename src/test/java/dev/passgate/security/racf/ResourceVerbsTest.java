package dev.passgate.security.racf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.passticket.UnsafeApplids;
import dev.passgate.security.AccessLevel;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RDEFINE, RALTER, RDELETE, RLIST and PERMIT: what each answers, word for word, and what it changes. */
class ResourceVerbsTest extends RacfVerbTestSupport {

    private static final String KEY = "E001193519561977";

    @BeforeEach
    void define() {
        t.admin("ADDUSER JOE", "ADDGROUP OPS");
    }

    @Test
    void rdefineDefinesDiscreteAndGenericProfiles() {
        expect("RDEFINE APPL CICSPROD UACC(READ)", 0, "APPL profile CICSPROD defined, UACC READ");
        expect("RDEF FACILITY passgate.admin.*", 0, "FACILITY profile PASSGATE.ADMIN.* defined (generic), UACC NONE");
        expect("RDEFINE PTKTDATA CICSPROD SSIGNON(KEYMASKED(" + KEY + "))", 0,
                "PTKTDATA profile CICSPROD defined, UACC NONE, SSIGNON key defined");
        expect("RDEFINE FILE /Home/Joe/notes.txt", 0, "FILE profile /Home/Joe/notes.txt defined, UACC NONE");
        assertTrue(t.registry.profiles().find("FILE", "/Home/Joe/notes.txt").isPresent(), "FILE names keep their case");
        expect("RDEFINE APPL OMVSAPPL", 0, "APPL profile OMVSAPPL defined, UACC NONE",
                "WARNING: " + UnsafeApplids.explain("OMVSAPPL"));
        expect("RDEFINE PTKTDATA MVSPG01", 0, "PTKTDATA profile MVSPG01 defined, UACC NONE",
                "WARNING: " + UnsafeApplids.explain("MVSPG01"));
    }

    @Test
    void rdefineRefusesWhatItCannotDefine() {
        t.admin("RDEFINE APPL CICSPROD");
        refused("RDEFINE APPL CICSPROD", "APPL profile CICSPROD is already defined");
        refused("RDEFINE NOSUCHCL X", "class NOSUCHCL is not defined (built in: APPL PTKTDATA SERVAUTH FACILITY FILE;"
                + " define more with RDEFINE CDT)");
        refused("RDEFINE APPL X UACC(SUPER)", "access must be NONE, READ, UPDATE, CONTROL or ALTER, not 'SUPER'");
        refused("RDEFINE APPL X SSIGNON(KEYMASKED(" + KEY + "))", "SSIGNON belongs to PTKTDATA profiles only");
        refused("RDEFINE PTKTDATA APPL.* SSIGNON(KEYMASKED(" + KEY + "))", "SSIGNON needs a discrete profile: generic"
                + " PTKTDATA profiles are ignored when tickets are made or checked");
        refused("RDEFINE PTKTDATA X SSIGNON()", "SSIGNON needs a key, e.g. SSIGNON(KEYMASKED(<16 hex digits>))");
        refused("RDEFINE PTKTDATA X SSIGNON(KEYLABEL(MYKEY))", "KEYLABEL: ICSF key labels are not supported; give the"
                + " key itself with KEYMASKED or EPTKEYMASKED");
        refused("RDEFINE PTKTDATA X SSIGNON(KEYMASKED(E00119351956197))",
                "KEYMASKED has 15 hexadecimal digits; it needs 16");
        refused("RDEFINE PTKTDATA X SSIGNON(KEYMASKED(E00119351956197Z))", "KEYMASKED must be hexadecimal digits");
        refused("RDEFINE PTKTDATA X SSIGNON(EPTKEYMASKED(" + "00".repeat(31) + "))",
                "EPTKEYMASKED has 62 hexadecimal digits; it needs an even number from 64 to 512");
        refused("RDEFINE PTKTDATA X SSIGNON(EPTKEYMASKED(" + "00".repeat(32) + ") EPTTYPE(LOWER))",
                "EPTTYPE is UPPER or MIXED");
        refused("RDEFINE PTKTDATA X SSIGNON(EPTKEYMASKED(" + "00".repeat(32) + ") EPTTIMEOUT(601))",
                "EPTTIMEOUT takes a number from 1 to 600");
        refused("RDEFINE PTKTDATA X SSIGNON(EPTKEYMASKED(" + "00".repeat(32) + ") EPTREPLAY(MAYBE))",
                "EPTREPLAY is YES or NO");
        refused("RDEFINE PTKTDATA X SSIGNON(KEYSIZE(8))", "SSIGNON supports KEYMASKED, KEYENCRYPTED, EPTKEYMASKED,"
                + " EPTTYPE, EPTTIMEOUT and EPTREPLAY, not KEYSIZE");
        refused("RDEFINE APPL X NOAPPLDATA", "unknown keyword NOAPPLDATA for RDEFINE (allowed: APPLDATA CDTINFO DATA"
                + " OWNER SSIGNON UACC)");
        refused("RDEFINE APPL", "RDEFINE needs 2 operands before its keywords");
        refused("RDEFINE APPL UACC(READ)", "RDEFINE: expected a name, found UACC(...)");
        refused("RDEFINE APPL " + "A".repeat(247), "APPL profile names have 1 to 246 characters and no blanks");
    }

    @Test
    void rdefineCdtDefinesAClassWithItsRuleForNoProfile() {
        expect("RDEFINE CDT MYAPPS CDTINFO(DEFAULTRC(0))", 0,
                "class MYAPPS defined; with no matching profile access is allowed");
        expect("RDEFINE CDT SECRETS CDTINFO(DEFAULTRC(8))", 0,
                "class SECRETS defined; with no matching profile access is denied");
        expect("RDEFINE CDT OTHER", 0, "class OTHER defined; with no matching profile access is denied");
        expect("RDEFINE MYAPPS WIDGET", 0, "MYAPPS profile WIDGET defined, UACC NONE");
        refused("RDEFINE CDT MYAPPS", "class MYAPPS is already defined");
        refused("RDEFINE CDT MORE CDTINFO(POSIT(1))", "CDTINFO supports DEFAULTRC(0|4|8) only, not POSIT");
        refused("RDEFINE CDT MORE CDTINFO(DEFAULTRC(9))", "DEFAULTRC takes a number from 0 to 8");
    }

    @Test
    void ralterChangesOnlyWhatItNames() {
        t.admin("RDEFINE APPL CICSPROD UACC(READ) APPLDATA('first')");
        expect("RALTER APPL CICSPROD APPLDATA('second')", 0, "APPL profile CICSPROD altered");
        expect("RLIST APPL CICSPROD", 0, "CLASS=APPL  NAME=CICSPROD  UACC=READ", "  APPLDATA=second",
                "  ACCESS LIST: NONE");
        expect("RALT APPL CICSPROD UACC(NONE) NOAPPLDATA", 0, "APPL profile CICSPROD altered");
        expect("RLIST APPL CICSPROD", 0, "CLASS=APPL  NAME=CICSPROD  UACC=NONE", "  APPLDATA=NONE",
                "  ACCESS LIST: NONE");
        refused("RALTER APPL CICSPROD APPLDATA(x) NOAPPLDATA", "APPLDATA and NOAPPLDATA cannot be given together");
        refused("RALTER APPL NOPE UACC(READ)", "APPL profile NOPE is not defined");
        refused("RALTER APPL CICSPROD SSIGNON(KEYMASKED(" + KEY + "))", "SSIGNON belongs to PTKTDATA profiles only");
    }

    @Test
    void rlistShowsTheSsignonSegmentWithoutItsKeys() {
        t.admin("RDEFINE PTKTDATA CICSPROD SSIGNON(KEYMASKED(" + KEY + ")) APPLDATA('NO REPLAY PROTECTION')");
        expect("RL PTKTDATA CICSPROD", 0, "CLASS=PTKTDATA  NAME=CICSPROD  UACC=NONE",
                "  APPLDATA=NO REPLAY PROTECTION",
                "  SSIGNON=LEGACY-KEY=DEFINED ENHANCED-KEY=NONE EPTTYPE=MIXED EPTTIMEOUT=60 EPTREPLAY=NO",
                "  ACCESS LIST: NONE");
        t.admin("RALTER PTKTDATA CICSPROD SSIGNON(EPTKEYMASKED(" + "00".repeat(32) + ") EPTTYPE(UPPER) EPTTIMEOUT(120))");
        assertEquals("  SSIGNON=LEGACY-KEY=DEFINED ENHANCED-KEY=DEFINED EPTTYPE=UPPER EPTTIMEOUT=120 EPTREPLAY=NO",
                lines("RLIST PTKTDATA CICSPROD").get(2));
        t.admin("RALTER PTKTDATA CICSPROD NOSSIGNON", "RDEFINE PTKTDATA IRRPTAUTH.CICSPROD.*");
        expect("RLIST PTKTDATA *", 0,
                "CLASS=PTKTDATA  NAME=CICSPROD  UACC=NONE", "  APPLDATA=NO REPLAY PROTECTION", "  SSIGNON=NONE",
                "  ACCESS LIST: NONE",
                "CLASS=PTKTDATA  NAME=IRRPTAUTH.CICSPROD.* (G)  UACC=NONE", "  APPLDATA=NONE", "  SSIGNON=NONE",
                "  ACCESS LIST: NONE");
        refused("RLIST PTKTDATA NOPE", "PTKTDATA profile NOPE is not defined");
        refused("RLIST PTKTDATA", "RLIST needs 2 operands before its keywords");
        refused("RLIST PTKTDATA * UACC(READ)", "unknown keyword UACC for RLIST (allowed: ALL AUTHUSER SSIGNON)");
    }

    @Test
    void permitGivesAndTakesAccess() {
        t.admin("RDEFINE APPL CICSPROD");
        expect("PERMIT CICSPROD CLASS(APPL) ID(JOE OPS) ACCESS(UPDATE)", 0, "JOE given UPDATE to APPL CICSPROD",
                "OPS given UPDATE to APPL CICSPROD");
        expect("PE CICSPROD CLASS(appl) ID(*)", 0, "* given READ to APPL CICSPROD");
        assertEquals("  ACCESS LIST: *=READ JOE=UPDATE OPS=UPDATE",
                lines("RLIST APPL CICSPROD").get(2));
        expect("PERMIT CICSPROD CLASS(APPL) ID(OPS) DELETE", 0, "OPS removed from the access list of APPL CICSPROD");
        assertEquals(Map.of("*", AccessLevel.READ, "JOE", AccessLevel.UPDATE),
                t.registry.profiles().find("APPL", "CICSPROD").orElseThrow().access());
        refused("PERMIT CICSPROD CLASS(APPL) ID(OPS) DELETE", "OPS is not in the access list of APPL CICSPROD");
    }

    @Test
    void permitRefusesWhatItCannotGrant() {
        t.admin("RDEFINE APPL CICSPROD");
        refused("PERMIT CICSPROD ID(JOE)", "PERMIT needs CLASS(...)");
        refused("PERMIT CICSPROD CLASS(APPL)", "PERMIT needs ID(...)");
        refused("PERMIT CICSPROD CLASS(APPL) ID(NOBODY)", "NOBODY is neither a user nor a group");
        refused("PERMIT CICSPROD CLASS(APPL) ID(JOE) ACCESS(READ) DELETE", "ACCESS and DELETE cannot be given together");
        refused("PERMIT CICSPROD CLASS(APPL) ID(JOE) ACCESS(ALL)",
                "access must be NONE, READ, UPDATE, CONTROL or ALTER, not 'ALL'");
        refused("PERMIT NOPE CLASS(APPL) ID(JOE)", "APPL profile NOPE is not defined");
        refused("PERMIT CICSPROD CLASS(NOSUCHCL) ID(JOE)", "class NOSUCHCL is not defined (built in: APPL PTKTDATA"
                + " SERVAUTH FACILITY FILE; define more with RDEFINE CDT)");
        refused("PERMIT CICSPROD CLASS(APPL) ID(JOE) UACC(READ)", "unknown keyword UACC for PERMIT (allowed: ACCESS"
                + " CLASS DELETE ID)");
        assertTrue(t.registry.profiles().find("APPL", "CICSPROD").orElseThrow().access().isEmpty());
    }

    @Test
    void rdeleteDeletesTheProfile() {
        t.admin("RDEFINE APPL CICSPROD");
        expect("RDELETE APPL CICSPROD", 0, "APPL profile CICSPROD deleted");
        assertFalse(t.registry.profiles().find("APPL", "CICSPROD").isPresent());
        refused("RDEL APPL CICSPROD", "APPL profile CICSPROD is not defined");
        refused("RDELETE NOSUCHCL CICSPROD", "class NOSUCHCL is not defined (built in: APPL PTKTDATA SERVAUTH FACILITY"
                + " FILE; define more with RDEFINE CDT)");
    }
}
