package dev.passgate.security.racf;

import dev.passgate.passticket.UnsafeApplids;
import dev.passgate.security.AccessLevel;
import dev.passgate.security.ProfileName;
import dev.passgate.security.ProfileRecord;
import dev.passgate.security.SsignonSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RDEFINE: defines a profile in a class, or with {@code RDEFINE CDT name} a class of one's own.
 * A key for an APPLID that far more programs than PassGate share is defined, as RACF would,
 * but with a warning.
 */
final class Rdefine implements RacfVerb {

    private static final String CDT = "CDT";

    private static final RacfSyntax SYNTAX = RacfSyntax.of("RDEFINE", "RDEF")
            .operands("class", "profile")
            .accepts("UACC(access)", "APPLDATA('text')", "SSIGNON(KEYMASKED(hex) EPTKEYMASKED(hex) ...)",
                    "CDTINFO(DEFAULTRC(0|4|8))", "OWNER(ignored)", "DATA(ignored)")
            .purpose("defines a profile (UACC NONE unless given); RDEFINE CDT name CDTINFO(...) defines a class");

    private final SsignonOperand ssignon;
    private final String systemName;

    Rdefine(SsignonOperand ssignon, String systemName) {
        this.ssignon = ssignon;
        this.systemName = systemName;
    }

    @Override
    public RacfSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public List<String> run(RacfCommand c, RacfStores s) {
        String className = c.upper(0);
        if (className.equals(CDT)) {
            return defineClass(c, s);
        }
        s.requireClass(className);
        String name = OperandValues.profileName(c.positional(1), className);
        if (s.profiles().find(className, name).isPresent()) {
            throw new RacfCommandException(8, className + " profile " + name + " is already defined");
        }
        boolean generic = ProfileName.isGeneric(name);
        String sealed = c.keyword("SSIGNON").map(o -> ssignon.seal(className, name, generic,
                ssignon.parse(o, SsignonSegment.empty()))).orElse(null);
        AccessLevel uacc = c.value("UACC").map(OperandValues::access).orElse(AccessLevel.NONE);
        s.profiles().insert(new ProfileRecord(className, name, generic, uacc, c.value("APPLDATA").orElse(null), sealed,
                Map.of()));
        List<String> out = new ArrayList<>(List.of(className + " profile " + name + " defined" + (generic ? " (generic)" : "")
                + ", UACC " + uacc + (sealed != null ? ", SSIGNON key defined" : "")));
        if ((className.equals(SsignonOperand.PTKTDATA) || className.equals("APPL"))
                && UnsafeApplids.isUnsafe(name, systemName)) {
            out.add("WARNING: " + UnsafeApplids.explain(name));
        }
        return out;
    }

    private static List<String> defineClass(RacfCommand c, RacfStores s) {
        String className = OperandValues.id(c.positional(1), "class name");
        if (s.profiles().noProfileRule(className).isPresent()) {
            throw new RacfCommandException(8, "class " + className + " is already defined");
        }
        boolean allow = c.keyword("CDTINFO").map(o -> {
            for (Operand a : o.args()) {
                if (a.keyword().equals("DEFAULTRC")) {
                    return OperandValues.number(a.value(), "DEFAULTRC", 0, 8) == 0;
                }
                throw new RacfCommandException(8, "CDTINFO supports DEFAULTRC(0|4|8) only, not " + a.keyword());
            }
            return false;
        }).orElse(false);
        s.profiles().defineClass(className, allow);
        return List.of("class " + className + " defined; with no matching profile access is " + (allow ? "allowed"
                : "denied"));
    }
}
