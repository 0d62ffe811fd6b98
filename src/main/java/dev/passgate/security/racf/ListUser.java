package dev.passgate.security.racf;

import dev.passgate.security.UserRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** LISTUSER: a user's attributes, or everyone's with *; says whether a secret is set, never what it is. */
final class ListUser implements RacfVerb {

    private static final RacfSyntax SYNTAX = RacfSyntax.of("LISTUSER", "LU")
            .operands("userid|*")
            .purpose("lists a user, or every user with *; secrets show only as SET or NONE");

    @Override
    public RacfSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public List<String> run(RacfCommand c, RacfStores s) {
        List<UserRecord> list = c.positional(0).equals("*") ? s.users().all() : List.of(s.requireUser(c.positional(0)));
        List<String> out = new ArrayList<>();
        for (UserRecord u : list) {
            out.add("USER=" + u.userId() + "  NAME=" + (u.name() == null ? "UNKNOWN" : u.name()) + "  DEFAULT-GROUP="
                    + u.defaultGroup());
            out.add("  ATTRIBUTES=" + (u.special() ? "SPECIAL " : "") + (u.protectedUser() ? "PROTECTED " : "")
                    + (u.revoked() ? "REVOKED" : "NONE"));
            out.add("  PASSWORD=" + (u.passwordHash() != null ? "SET" : "NONE") + "  PHRASE="
                    + (u.phraseHash() != null ? "SET" : "NONE") + "  EXPIRED=" + (u.passwordExpired() ? "YES" : "NO")
                    + "  PASS-INTERVAL=" + (u.passwordInterval() == null ? "SYSTEM" : u.passwordInterval())
                    + "  FAILED-LOGONS=" + u.failures() + "  TOTP=" + (u.totpSecret() != null ? "DEFINED" : "NONE"));
            out.add("  PASSDATE=" + (u.passwordChangedAt() == null ? "N/A" : Instant.ofEpochMilli(u.passwordChangedAt()))
                    + "  GROUPS=" + String.join(" ", s.users().groups(u.userId())));
        }
        return out;
    }
}
