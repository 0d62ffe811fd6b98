package dev.passgate.security.racf;

import dev.passgate.passticket.PassTicketType;
import dev.passgate.security.ProfileRecord;
import dev.passgate.security.SecretBox;
import dev.passgate.security.SsignonSegment;
import java.util.Locale;

/**
 * The SSIGNON(...) operand of RDEFINE and RALTER, and the sealed segment it becomes: the
 * PassTicket keys are sealed under the master key as soon as they are read, and opened again
 * only to be altered or described (a description says a key exists, never what it is).
 */
final class SsignonOperand {

    /** The class whose profiles carry an SSIGNON segment. */
    static final String PTKTDATA = "PTKTDATA";

    private final SecretBox box;

    SsignonOperand(SecretBox box) {
        this.box = box;
    }

    /** The segment the operand describes; what it does not name is kept from the base. */
    SsignonSegment parse(Operand o, SsignonSegment base) {
        if (!o.hasArgs() || o.args().isEmpty()) {
            throw new RacfCommandException(8, "SSIGNON needs a key, e.g. SSIGNON(KEYMASKED(<16 hex digits>))");
        }
        String legacy = base.legacyKeyHex();
        String enhanced = base.enhancedKeyHex();
        PassTicketType type = base.type();
        int timeout = base.timeout();
        boolean replay = base.replay();
        for (Operand a : o.args()) {
            switch (a.keyword()) {
                case "KEYMASKED", "KEYENCRYPTED" -> legacy = hexKey(a, 16, 16);
                case "EPTKEYMASKED" -> enhanced = hexKey(a, 64, 512);
                case "EPTTYPE" -> type = parseType(a.value());
                case "EPTTIMEOUT" -> timeout = OperandValues.number(a.value(), "EPTTIMEOUT", 1, 600);
                case "EPTREPLAY" -> replay = OperandValues.yesNo(a.value(), "EPTREPLAY");
                case "KEYLABEL", "EPTKEYLABEL" -> throw new RacfCommandException(8, a.keyword() + ": ICSF key labels are"
                        + " not supported; give the key itself with KEYMASKED or EPTKEYMASKED");
                default -> throw new RacfCommandException(8, "SSIGNON supports KEYMASKED, KEYENCRYPTED, EPTKEYMASKED,"
                        + " EPTTYPE, EPTTIMEOUT and EPTREPLAY, not " + a.keyword());
            }
        }
        return new SsignonSegment(legacy, enhanced, type, timeout, replay);
    }

    /** The segment sealed for its profile, which must be a discrete PTKTDATA one. */
    String seal(String className, String name, boolean generic, SsignonSegment segment) {
        if (!className.equals(PTKTDATA)) {
            throw new RacfCommandException(8, "SSIGNON belongs to PTKTDATA profiles only");
        }
        if (generic) {
            throw new RacfCommandException(8, "SSIGNON needs a discrete profile: generic PTKTDATA profiles are ignored"
                    + " when tickets are made or checked");
        }
        return segment.seal(box, name);
    }

    /** The profile's segment, or an empty one when it has none. */
    SsignonSegment open(ProfileRecord p) {
        return p.hasSsignon() ? SsignonSegment.decodeSealed(box, p.sealedSsignon(), p.name()) : SsignonSegment.empty();
    }

    private static String hexKey(Operand a, int minDigits, int maxDigits) {
        String hex = a.value().trim();
        if (!hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw new RacfCommandException(8, a.keyword() + " must be hexadecimal digits");
        }
        if (hex.length() < minDigits || hex.length() > maxDigits || hex.length() % 2 != 0) {
            throw new RacfCommandException(8, a.keyword() + " has " + hex.length() + " hexadecimal digits; it needs "
                    + (minDigits == maxDigits ? Integer.toString(minDigits) : "an even number from " + minDigits + " to "
                            + maxDigits));
        }
        return hex.toUpperCase(Locale.ROOT);
    }

    private static PassTicketType parseType(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        if (!t.equals("UPPER") && !t.equals("MIXED")) {
            throw new RacfCommandException(8, "EPTTYPE is UPPER or MIXED");
        }
        return PassTicketType.valueOf(t);
    }
}
