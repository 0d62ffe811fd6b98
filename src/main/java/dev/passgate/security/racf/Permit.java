package dev.passgate.security.racf;

import dev.passgate.security.AccessLevel;
import dev.passgate.security.ProfileRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PERMIT: gives users, groups or everyone (*) an access level to a profile, or takes it away
 * with DELETE. Every ID is checked before any entry changes, so a list with one bad ID
 * changes nothing.
 */
final class Permit implements RacfVerb {

    private static final RacfSyntax SYNTAX = RacfSyntax.of("PERMIT", "PE")
            .operands("profile")
            .requires("CLASS(class)", "ID(user|group|* ...)")
            .accepts("ACCESS(access)", "DELETE")
            .purpose("gives the IDs access to a profile (READ unless ACCESS), or with DELETE takes it away");

    @Override
    public RacfSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public List<String> run(RacfCommand c, RacfStores s) {
        String className = c.value("CLASS").map(v -> v.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new RacfCommandException(8, "PERMIT needs CLASS(...)"));
        s.requireClass(className);
        ProfileRecord p = s.requireProfile(className, c.positional(0));
        List<String> ids = c.keyword("ID").orElseThrow(() -> new RacfCommandException(8, "PERMIT needs ID(...)"))
                .values().stream().map(v -> v.equals("*") ? "*" : OperandValues.id(v, "user or group ID")).toList();
        for (String id : ids) {
            if (!id.equals("*") && !s.users().exists(id) && !s.groups().exists(id)) {
                throw new RacfCommandException(8, id + " is neither a user nor a group");
            }
        }
        c.exclusive("ACCESS", "DELETE");
        List<String> out = new ArrayList<>();
        if (c.has("DELETE")) {
            for (String id : ids) {
                if (!s.profiles().unpermit(className, p.name(), id)) {
                    throw new RacfCommandException(8, id + " is not in the access list of " + className + " " + p.name());
                }
                out.add(id + " removed from the access list of " + className + " " + p.name());
            }
            return out;
        }
        AccessLevel level = c.value("ACCESS").map(OperandValues::access).orElse(AccessLevel.READ);
        for (String id : ids) {
            s.profiles().permit(className, p.name(), id, level);
            out.add(id + " given " + level + " to " + className + " " + p.name());
        }
        return out;
    }
}
