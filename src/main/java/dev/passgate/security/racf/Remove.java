package dev.passgate.security.racf;

import dev.passgate.security.UserRecord;
import java.util.List;

/** REMOVE: takes a user out of a group, but not out of its default group: ALTUSER DFLTGRP changes that first. */
final class Remove implements RacfVerb {

    private static final RacfSyntax SYNTAX = RacfSyntax.of("REMOVE", "RE")
            .operands("userid")
            .requires("GROUP(group)")
            .accepts("OWNER(ignored)")
            .purpose("removes a user from a group other than its default group");

    @Override
    public RacfSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public List<String> run(RacfCommand c, RacfStores s) {
        UserRecord u = s.requireUser(c.positional(0));
        String group = Connect.group(c, s);
        if (group.equals(u.defaultGroup())) {
            throw new RacfCommandException(8, group + " is the default group of " + u.userId()
                    + ": change DFLTGRP first");
        }
        if (!s.users().remove(u.userId(), group)) {
            throw new RacfCommandException(8, "user " + u.userId() + " is not connected to group " + group);
        }
        return List.of("user " + u.userId() + " removed from group " + group);
    }
}
