package dev.passgate.security.racf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SETROPTS and RACDCERT: what each answers, word for word, and what it changes. */
class OptionAndCertificateVerbsTest extends RacfVerbTestSupport {

    private static final String ACCEPTED = " accepted: this node reads its profiles again now, other nodes within 5 seconds";

    @Test
    void setroptsSetsAndListsThePasswordRules() {
        expect("SETROPTS LIST", 0, "PASSWORD REVOKE=5 INTERVAL=90 MINLENGTH=1");
        expect("SETROPTS PASSWORD(REVOKE(3) INTERVAL(60) MINLENGTH(6)) LIST", 0, "password option REVOKE set to 3",
                "password option INTERVAL set to 60", "password option MINLENGTH set to 6",
                "PASSWORD REVOKE=3 INTERVAL=60 MINLENGTH=6");
        expect("SETR PASSWORD(NOREVOKE)", 0, "password option REVOKE set to 0");
        assertEquals(0, t.registry.options().revokeLimit());
        expect("SETROPTS", 0);
    }

    @Test
    void setroptsAcceptsWhatRacfNeedsAndPassGateDoesNot() {
        expect("SETROPTS RACLIST(PTKTDATA) REFRESH", 0, "RACLIST" + ACCEPTED, "REFRESH" + ACCEPTED);
        expect("SETROPTS CLASSACT(PTKTDATA) GENCMD(PTKTDATA) GENERIC(PTKTDATA)", 0, "GENERIC" + ACCEPTED,
                "GENCMD" + ACCEPTED, "CLASSACT" + ACCEPTED);
    }

    @Test
    void setroptsRefusesUnknownOrOutOfRangeOptions() {
        refused("SETROPTS PASSWORD", "PASSWORD needs options, e.g. PASSWORD(REVOKE(5) INTERVAL(90))");
        refused("SETROPTS PASSWORD(HISTORY(5))", "SETROPTS PASSWORD supports REVOKE(n), NOREVOKE, INTERVAL(days) and"
                + " MINLENGTH(n), not HISTORY");
        refused("SETROPTS PASSWORD(REVOKE(0))", "REVOKE takes a number from 1 to 255");
        refused("SETROPTS PASSWORD(INTERVAL(255))", "INTERVAL takes a number from 1 to 254");
        refused("SETROPTS PASSWORD(MINLENGTH(9))", "MINLENGTH takes a number from 1 to 8");
        refused("SETROPTS PASSWORD(REVOKE(3) MINLENGTH(9))", "MINLENGTH takes a number from 1 to 8");
        assertEquals(5, t.registry.options().revokeLimit(), "a refused SETROPTS sets none of its options");
        refused("SETROPTS AUDIT(USER)", "unknown keyword AUDIT for SETROPTS (allowed: CLASSACT GENCMD GENERIC LIST"
                + " PASSWORD RACLIST REFRESH)");
    }

    @Test
    void racdcertMapsACertificateToAUser() {
        t.admin("ADDUSER JOE");
        expect("RACDCERT ID(JOE) MAP SDNFILTER('CN=Joe,O=Example')", 0,
                "certificates with subject CN=Joe,O=Example now log on as JOE");
        expect("RACDCERT MAP ID(joe) SDNFILTER('CN=Joe,O=Other') IDNFILTER('CN=Other CA') WITHLABEL('joe')", 0,
                "certificates with subject CN=Joe,O=Other from issuer CN=Other CA now log on as JOE");
        assertEquals(Optional.of("JOE"), t.registry.users().userForCertificate("CN=Joe,O=Example", "CN=Any CA"));
        assertEquals(Optional.of("JOE"), t.registry.users().userForCertificate("CN=Joe,O=Other", "CN=Other CA"));
        assertEquals(Optional.empty(), t.registry.users().userForCertificate("CN=Joe,O=Other", "CN=Any CA"));
    }

    @Test
    void racdcertRefusesAnythingButACompleteMap() {
        t.admin("ADDUSER JOE");
        refused("RACDCERT ID(JOE) SDNFILTER('CN=Joe')", "PassGate's RACDCERT supports MAP only");
        refused("RACDCERT MAP SDNFILTER('CN=Joe')", "RACDCERT MAP needs ID(...)");
        refused("RACDCERT MAP ID(JOE)", "RACDCERT MAP needs SDNFILTER('...')");
        refused("RACDCERT MAP ID(NOBODY) SDNFILTER('CN=Joe')", "user NOBODY is not defined");
        refused("RACDCERT ADD ID(JOE)", "unknown keyword ADD for RACDCERT (allowed: ID IDNFILTER MAP SDNFILTER"
                + " WITHLABEL)");
    }
}
