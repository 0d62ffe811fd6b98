package dev.passgate.security.racf;

import dev.passgate.security.UserRecord;
import java.util.List;

/** DELUSER: deletes a user, with its group connections and certificate mappings. */
final class DelUser implements RacfVerb {

    private static final RacfSyntax SYNTAX = RacfSyntax.of("DELUSER", "DU")
            .operands("userid")
            .purpose("deletes a user");

    @Override
    public RacfSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public List<String> run(RacfCommand c, RacfStores s) {
        UserRecord u = s.requireUser(c.positional(0));
        s.users().delete(u.userId());
        return List.of("user " + u.userId() + " deleted");
    }
}
