package dev.passgate.security.racf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parsed command checked against what its verb accepts: so many positional operands,
 * then keywords from a known set, each at most once.
 */
final class RacfCommand {

    /** Keywords whose values are secrets: masked wherever a command is echoed or audited. */
    static final Set<String> SECRET_KEYWORDS = Set.of("PASSWORD", "PW", "PHRASE", "KEYMASKED", "KEYENCRYPTED",
            "EPTKEYMASKED", "TOTP");

    final String verb;
    final List<String> positionals;
    final Map<String, Operand> keywords;

    private RacfCommand(String verb, List<String> positionals, Map<String, Operand> keywords) {
        this.verb = verb;
        this.positionals = positionals;
        this.keywords = keywords;
    }

    static RacfCommand of(String verb, List<Operand> operands, int positionalCount, Set<String> allowed) {
        if (operands.size() - 1 < positionalCount) {
            throw new RacfCommandException(8, verb + " needs " + positionalCount + " operand" + (positionalCount > 1
                    ? "s" : "") + " before its keywords");
        }
        List<String> positionals = operands.subList(1, 1 + positionalCount).stream().map(o -> {
            if (o.hasArgs()) {
                throw new RacfCommandException(8, verb + ": expected a name, found " + o.keyword() + "(...)");
            }
            return o.text();
        }).toList();
        Map<String, Operand> keywords = new LinkedHashMap<>();
        for (Operand o : operands.subList(1 + positionalCount, operands.size())) {
            String k = o.keyword();
            if (o.quoted() || !allowed.contains(k)) {
                throw new RacfCommandException(8, "unknown keyword " + (o.quoted() ? "'" + o.text() + "'" : k) + " for "
                        + verb + " (allowed: " + allowed.stream().sorted().collect(Collectors.joining(" ")) + ")");
            }
            if (keywords.put(k, o) != null) {
                throw new RacfCommandException(8, k + " is given twice");
            }
        }
        return new RacfCommand(verb, positionals, keywords);
    }

    boolean has(String keyword) {
        return keywords.containsKey(keyword);
    }

    Optional<Operand> keyword(String keyword) {
        return Optional.ofNullable(keywords.get(keyword));
    }

    Optional<String> value(String keyword) {
        return keyword(keyword).map(Operand::value);
    }

    String positional(int i) {
        return positionals.get(i);
    }

    String upper(int i) {
        return positionals.get(i).toUpperCase(Locale.ROOT);
    }

    void exclusive(String a, String b) {
        if (has(a) && has(b)) {
            throw new RacfCommandException(8, a + " and " + b + " cannot be given together");
        }
    }

    /** The command as text with every secret value replaced by asterisks. */
    static String masked(List<Operand> operands) {
        StringBuilder sb = new StringBuilder();
        for (Operand o : operands) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            render(o, sb, false);
        }
        return sb.toString();
    }

    private static void render(Operand o, StringBuilder sb, boolean secret) {
        if (secret && !o.hasArgs()) {
            sb.append("********");
            return;
        }
        sb.append(o.quoted() ? "'" + o.text().replace("'", "''") + "'" : o.text());
        if (o.hasArgs()) {
            boolean inner = SECRET_KEYWORDS.contains(o.keyword()); // masks the values right inside, not options deeper down
            sb.append('(');
            for (int i = 0; i < o.args().size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                render(o.args().get(i), sb, inner);
            }
            sb.append(')');
        }
    }
}
