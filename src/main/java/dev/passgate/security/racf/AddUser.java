package dev.passgate.security.racf;

import dev.passgate.security.UserRecord;
import java.time.Clock;
import java.util.List;

/** ADDUSER: defines a user, connected to its default group, with a password, a phrase, or neither. */
final class AddUser implements RacfVerb {

    private static final String DEFAULT_GROUP = "SYS1";

    private static final RacfSyntax SYNTAX = RacfSyntax.of("ADDUSER", "AU")
            .operands("userid")
            .accepts("NAME('name')", "DFLTGRP(group)", "PASSWORD(1-8 characters)", "PW(1-8 characters)",
                    "PHRASE('9-100 characters')", "NOPASSWORD", "NOEXPIRED", "SPECIAL", "TOTP(hex secret)",
                    "OWNER(ignored)", "DATA(ignored)")
            .purpose("defines a user in group SYS1 unless DFLTGRP; a password is expired unless NOEXPIRED;"
                    + " NOPASSWORD makes a protected user");

    private final UserSecrets secrets;
    private final Clock clock;

    AddUser(UserSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public RacfSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public List<String> run(RacfCommand c, RacfStores s) {
        String id = OperandValues.id(c.positional(0), "user ID");
        if (s.users().exists(id)) {
            throw new RacfCommandException(8, "user " + id + " is already defined");
        }
        if (s.groups().exists(id)) {
            throw new RacfCommandException(8, id + " is already a group");
        }
        String group = c.value("DFLTGRP").map(g -> OperandValues.id(g, "group")).orElse(DEFAULT_GROUP);
        s.requireGroup(group);
        c.exclusive("PASSWORD", "NOPASSWORD");
        c.exclusive("PHRASE", "NOPASSWORD");
        long now = clock.millis();
        boolean expired = !c.has("NOEXPIRED");
        UserRecord u = new UserRecord(id, c.value("NAME").orElse(null), group, secrets.password(c).orElse(null),
                secrets.phrase(c).orElse(null), expired, now, null, false, 0, c.has("NOPASSWORD"), c.has("SPECIAL"),
                secrets.totp(c, id).orElse(null), now);
        s.users().insert(u);
        s.users().connect(id, group);
        return List.of("user " + id + " defined, default group " + group + ", " + logon(u));
    }

    private static String logon(UserRecord u) {
        if (u.passwordHash() != null || u.phraseHash() != null) {
            return u.passwordExpired() ? "password expired (change at first logon)" : "password set";
        }
        return u.protectedUser() ? "protected (no password logon)" : "no password";
    }
}
