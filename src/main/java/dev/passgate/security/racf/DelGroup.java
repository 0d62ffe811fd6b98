package dev.passgate.security.racf;

import java.util.List;

/** DELGROUP: deletes a group no user is connected to any more, so no user loses a group silently. */
final class DelGroup implements RacfVerb {

    private static final RacfSyntax SYNTAX = RacfSyntax.of("DELGROUP", "DG")
            .operands("group")
            .purpose("deletes a group that has no members");

    @Override
    public RacfSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public List<String> run(RacfCommand c, RacfStores s) {
        String id = OperandValues.id(c.positional(0), "group");
        s.requireGroup(id);
        if (!s.groups().members(id).isEmpty()) {
            throw new RacfCommandException(8, "group " + id + " still has members: " + String.join(" ", s.groups().members(id)));
        }
        s.groups().delete(id);
        return List.of("group " + id + " deleted");
    }
}
