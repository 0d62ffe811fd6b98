package dev.passgate.security.racf;

import dev.passgate.security.SecurityOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SETROPTS: the system-wide password rules. RACLIST, REFRESH, GENERIC, GENCMD and CLASSACT are
 * accepted so that command lists written for RACF run unchanged; PassGate needs none of them,
 * because every command makes this node read its profiles again anyway.
 */
final class Setropts implements RacfVerb {

    private static final List<String> ACCEPTED_FOR_RACF = List.of("RACLIST", "REFRESH", "GENERIC", "GENCMD", "CLASSACT");

    private static final RacfSyntax SYNTAX = RacfSyntax.of("SETROPTS", "SETR")
            .accepts("PASSWORD(REVOKE(1-255) NOREVOKE INTERVAL(1-254 days) MINLENGTH(1-8))", "RACLIST(classes)",
                    "REFRESH", "GENERIC(classes)", "GENCMD(classes)", "CLASSACT(classes)", "LIST")
            .purpose("sets the password rules, LIST shows them; RACLIST REFRESH GENERIC GENCMD CLASSACT are accepted"
                    + " as RACF needs them");

    @Override
    public RacfSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public List<String> run(RacfCommand c, RacfStores s) {
        List<String> out = new ArrayList<>();
        c.keyword("PASSWORD").ifPresent(pw -> {
            if (!pw.hasArgs()) {
                throw new RacfCommandException(8, "PASSWORD needs options, e.g. PASSWORD(REVOKE(5) INTERVAL(90))");
            }
            Map<String, Integer> changes = new LinkedHashMap<>();
            for (Operand o : pw.args()) {
                switch (o.keyword()) {
                    case "REVOKE" -> changes.put(SecurityOptions.REVOKE, OperandValues.number(o.value(), "REVOKE", 1, 255));
                    case "NOREVOKE" -> changes.put(SecurityOptions.REVOKE, 0);
                    case "INTERVAL" -> changes.put(SecurityOptions.INTERVAL,
                            OperandValues.number(o.value(), "INTERVAL", 1, 254));
                    case "MINLENGTH" -> changes.put(SecurityOptions.MINLENGTH,
                            OperandValues.number(o.value(), "MINLENGTH", 1, 8));
                    default -> throw new RacfCommandException(8, "SETROPTS PASSWORD supports REVOKE(n), NOREVOKE,"
                            + " INTERVAL(days) and MINLENGTH(n), not " + o.keyword());
                }
            }
            changes.forEach((k, v) -> {
                s.options().set(k, v);
                out.add("password option " + k + " set to " + v);
            });
        });
        for (String accepted : ACCEPTED_FOR_RACF) {
            if (c.has(accepted)) {
                out.add(accepted + " accepted: this node reads its profiles again now, other nodes within 5 seconds");
            }
        }
        if (c.has("LIST")) {
            out.add("PASSWORD REVOKE=" + s.options().revokeLimit() + " INTERVAL=" + s.options().intervalDays()
                    + " MINLENGTH=" + s.options().minLength());
        }
        return out;
    }
}
