package dev.passgate.security.racf;

import dev.passgate.security.UserRecord;
import java.util.List;

/** CONNECT: makes a user a member of a group; connecting a member again changes nothing. */
final class Connect implements RacfVerb {

    private static final RacfSyntax SYNTAX = RacfSyntax.of("CONNECT", "CO")
            .operands("userid")
            .requires("GROUP(group)")
            .accepts("OWNER(ignored)", "AUTHORITY(ignored)")
            .purpose("connects a user to a group");

    @Override
    public RacfSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public List<String> run(RacfCommand c, RacfStores s) {
        UserRecord u = s.requireUser(c.positional(0));
        String group = group(c, s);
        s.users().connect(u.userId(), group);
        return List.of("user " + u.userId() + " connected to group " + group);
    }

    /** The GROUP(...) of CONNECT and REMOVE: required, and defined. */
    static String group(RacfCommand c, RacfStores s) {
        String group = OperandValues.id(c.value("GROUP")
                .orElseThrow(() -> new RacfCommandException(8, c.verb + " needs GROUP(...)")), "group");
        s.requireGroup(group);
        return group;
    }
}
