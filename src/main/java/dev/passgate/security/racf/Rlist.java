package dev.passgate.security.racf;

import dev.passgate.security.ProfileRecord;
import java.util.ArrayList;
import java.util.List;

/** RLIST: a profile, or a whole class with *; a PTKTDATA profile's keys show only as DEFINED or NONE. */
final class Rlist implements RacfVerb {

    private static final RacfSyntax SYNTAX = RacfSyntax.of("RLIST", "RL")
            .operands("class", "profile|*")
            .accepts("AUTHUSER", "ALL", "SSIGNON")
            .purpose("lists a profile, or every profile of the class with *, always in full; keys show only as"
                    + " DEFINED");

    private final SsignonOperand ssignon;

    Rlist(SsignonOperand ssignon) {
        this.ssignon = ssignon;
    }

    @Override
    public RacfSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public List<String> run(RacfCommand c, RacfStores s) {
        String className = c.upper(0);
        s.requireClass(className);
        List<ProfileRecord> list = c.positional(1).equals("*") ? s.profiles().all(className)
                : List.of(s.requireProfile(className, c.positional(1)));
        List<String> out = new ArrayList<>();
        for (ProfileRecord p : list) {
            out.add("CLASS=" + className + "  NAME=" + p.name() + (p.generic() ? " (G)" : "") + "  UACC=" + p.uacc());
            out.add("  APPLDATA=" + (p.appldata() == null ? "NONE" : p.appldata()));
            if (className.equals(SsignonOperand.PTKTDATA)) {
                out.add("  SSIGNON=" + (p.hasSsignon() ? ssignon.open(p).describe() : "NONE"));
            }
            StringBuilder acl = new StringBuilder("  ACCESS LIST:");
            p.access().forEach((who, level) -> acl.append(' ').append(who).append('=').append(level));
            out.add(p.access().isEmpty() ? "  ACCESS LIST: NONE" : acl.toString());
        }
        return out;
    }
}
