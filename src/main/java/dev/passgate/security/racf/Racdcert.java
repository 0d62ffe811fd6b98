package dev.passgate.security.racf;

import dev.passgate.security.UserRecord;
import java.util.List;

/**
 * RACDCERT ID(user) MAP SDNFILTER('subject DN') [IDNFILTER('issuer DN')]: certificate logon
 * for a user. Only MAP is supported: a mapping is all a certificate logon looks up.
 */
final class Racdcert implements RacfVerb {

    private static final RacfSyntax SYNTAX = RacfSyntax.of("RACDCERT")
            .requires("ID(user)", "MAP", "SDNFILTER('subject DN')")
            .accepts("IDNFILTER('issuer DN')", "WITHLABEL(ignored)")
            .purpose("with MAP, certificates of the subject (from the issuer, if given) log on as the user");

    @Override
    public RacfSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public List<String> run(RacfCommand c, RacfStores s) {
        if (!c.has("MAP")) {
            throw new RacfCommandException(8, "PassGate's RACDCERT supports MAP only");
        }
        UserRecord u = s.requireUser(c.value("ID")
                .orElseThrow(() -> new RacfCommandException(8, "RACDCERT MAP needs ID(...)")));
        String subject = c.value("SDNFILTER")
                .orElseThrow(() -> new RacfCommandException(8, "RACDCERT MAP needs SDNFILTER('...')"));
        String issuer = c.value("IDNFILTER").orElse(null);
        s.users().mapCertificate(subject, issuer, u.userId());
        return List.of("certificates with subject " + subject + (issuer != null ? " from issuer " + issuer : "")
                + " now log on as " + u.userId());
    }
}
