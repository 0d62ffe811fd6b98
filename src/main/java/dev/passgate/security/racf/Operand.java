package dev.passgate.security.racf;

import java.util.List;

/**
 * One piece of a RACF command: a word or quoted string, optionally followed by a
 * parenthesised list of sub-operands ({@code SSIGNON(KEYMASKED(E001...))}).
 *
 * @param args null when the word had no parentheses; an empty list for {@code WORD()}
 */
public record Operand(String text, boolean quoted, List<Operand> args) {

    public boolean hasArgs() {
        return args != null;
    }

    /** The keyword's name, upper case (quoted strings are values, not keywords). */
    public String keyword() {
        return quoted ? "" : text.toUpperCase(java.util.Locale.ROOT);
    }

    /** The single value inside the parentheses. */
    public String value() {
        if (args == null || args.size() != 1 || args.get(0).hasArgs()) {
            throw new RacfCommandException(8, keyword() + " takes one value in parentheses");
        }
        return args.get(0).text();
    }

    /** All values inside the parentheses. */
    public List<String> values() {
        if (args == null || args.isEmpty()) {
            throw new RacfCommandException(8, keyword() + " needs values in parentheses");
        }
        return args.stream().map(a -> {
            if (a.hasArgs()) {
                throw new RacfCommandException(8, keyword() + " takes plain values");
            }
            return a.text();
        }).toList();
    }
}
