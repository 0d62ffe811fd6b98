package dev.passgate.security.racf;

import java.time.Clock;
import java.util.List;

/** ADDGROUP: defines a group, under a superior group that must exist; users and groups share one name space. */
final class AddGroup implements RacfVerb {

    private static final RacfSyntax SYNTAX = RacfSyntax.of("ADDGROUP", "AG")
            .operands("group")
            .accepts("SUPGROUP(group)", "OWNER(ignored)", "DATA(ignored)")
            .purpose("defines a group");

    private final Clock clock;

    AddGroup(Clock clock) {
        this.clock = clock;
    }

    @Override
    public RacfSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public List<String> run(RacfCommand c, RacfStores s) {
        String id = OperandValues.id(c.positional(0), "group");
        if (s.groups().exists(id) || s.users().exists(id)) {
            throw new RacfCommandException(8, id + " is already defined as a " + (s.groups().exists(id) ? "group" : "user"));
        }
        String superior = c.value("SUPGROUP").map(g -> OperandValues.id(g, "group")).orElse(null);
        if (superior != null) {
            s.requireGroup(superior);
        }
        s.groups().insert(id, superior, clock.millis());
        return List.of("group " + id + " defined");
    }
}
