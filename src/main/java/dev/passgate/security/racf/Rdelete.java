package dev.passgate.security.racf;

import dev.passgate.security.ProfileRecord;
import java.util.List;

/** RDELETE: deletes a profile, with its access list and any SSIGNON keys. */
final class Rdelete implements RacfVerb {

    private static final RacfSyntax SYNTAX = RacfSyntax.of("RDELETE", "RDEL")
            .operands("class", "profile")
            .purpose("deletes a profile");

    @Override
    public RacfSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public List<String> run(RacfCommand c, RacfStores s) {
        String className = c.upper(0);
        s.requireClass(className);
        ProfileRecord p = s.requireProfile(className, c.positional(1));
        s.profiles().delete(className, p.name());
        return List.of(className + " profile " + p.name() + " deleted");
    }
}
