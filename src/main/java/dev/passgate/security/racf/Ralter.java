package dev.passgate.security.racf;

import dev.passgate.security.AccessLevel;
import dev.passgate.security.ProfileRecord;
import java.util.List;

/** RALTER: changes what its keywords name; an SSIGNON(...) changes only the parts of the segment it gives. */
final class Ralter implements RacfVerb {

    private static final RacfSyntax SYNTAX = RacfSyntax.of("RALTER", "RALT")
            .operands("class", "profile")
            .accepts("UACC(access)", "APPLDATA('text')", "NOAPPLDATA", "SSIGNON(KEYMASKED(hex) EPTKEYMASKED(hex) ...)",
                    "NOSSIGNON", "OWNER(ignored)", "DATA(ignored)")
            .purpose("changes a profile; SSIGNON keeps the parts of the segment it does not name");

    private final SsignonOperand ssignon;

    Ralter(SsignonOperand ssignon) {
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
        ProfileRecord p = s.requireProfile(className, c.positional(1));
        c.exclusive("SSIGNON", "NOSSIGNON");
        c.exclusive("APPLDATA", "NOAPPLDATA");
        String sealed = p.sealedSsignon();
        if (c.has("SSIGNON")) {
            sealed = ssignon.seal(className, p.name(), p.generic(), ssignon.parse(c.keyword("SSIGNON").get(),
                    ssignon.open(p)));
        } else if (c.has("NOSSIGNON")) {
            sealed = null;
        }
        String appldata = c.has("NOAPPLDATA") ? null : c.value("APPLDATA").orElse(p.appldata());
        AccessLevel uacc = c.value("UACC").map(OperandValues::access).orElse(p.uacc());
        s.profiles().update(new ProfileRecord(className, p.name(), p.generic(), uacc, appldata, sealed, p.access()));
        return List.of(className + " profile " + p.name() + " altered");
    }
}
