package dev.passgate.security.racf;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What one verb accepts, declared once: the check every command of the verb passes before it
 * runs and the verb's help line are both made from this, so the help can never offer a keyword
 * the check refuses, nor the reverse.
 *
 * @param verb     the verb's name, as messages and the audit trail spell it
 * @param aliases  RACF's short forms (AU for ADDUSER)
 * @param operands names of the positional operands, which come before the keywords
 * @param required keywords the verb cannot do without, each as the help shows it, {@code GROUP(group)}:
 *                 the word before the parenthesis is the keyword accepted, the rest tells what its
 *                 value is; the verb itself refuses a command that lacks one, in its own words
 * @param keywords the optional keywords, written the same way
 * @param purpose  what the verb does, for the help line
 */
record RacfSyntax(String verb, List<String> aliases, List<String> operands, List<String> required,
        List<String> keywords, String purpose) {

    RacfSyntax {
        aliases = List.copyOf(aliases);
        operands = List.copyOf(operands);
        required = List.copyOf(required);
        keywords = List.copyOf(keywords);
        List<String> names = Stream.concat(required.stream(), keywords.stream()).map(RacfSyntax::keywordOf).toList();
        if (Set.copyOf(names).size() != names.size()) {
            throw new IllegalArgumentException(verb + " declares a keyword twice: " + names);
        }
        if (!Stream.concat(Stream.of(verb), aliases.stream()).allMatch(RacfSyntax::isWord)
                || !names.stream().allMatch(RacfSyntax::isWord)) {
            throw new IllegalArgumentException(verb + ": verbs, aliases and keywords are upper-case words");
        }
    }

    /** A verb with no operands, no keywords and no purpose yet: the other methods add them. */
    static RacfSyntax of(String verb, String... aliases) {
        return new RacfSyntax(verb, List.of(aliases), List.of(), List.of(), List.of(), "");
    }

    RacfSyntax operands(String... names) {
        return new RacfSyntax(verb, aliases, List.of(names), required, keywords, purpose);
    }

    RacfSyntax requires(String... forms) {
        return new RacfSyntax(verb, aliases, operands, List.of(forms), keywords, purpose);
    }

    RacfSyntax accepts(String... forms) {
        return new RacfSyntax(verb, aliases, operands, required, List.of(forms), purpose);
    }

    RacfSyntax purpose(String text) {
        return new RacfSyntax(verb, aliases, operands, required, keywords, text);
    }

    /** The keywords accepted, required or not, without what their values are. */
    Set<String> keywordNames() {
        return Stream.concat(required.stream(), keywords.stream()).map(RacfSyntax::keywordOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The command checked against this syntax: its positional operands, then only known keywords, each once. */
    RacfCommand check(List<Operand> command) {
        return RacfCommand.of(verb, command, operands.size(), keywordNames());
    }

    /** One line, optional keywords in brackets: {@code CONNECT (CO) userid GROUP(group) [OWNER(ignored)] ...: ...}. */
    String help() {
        StringBuilder sb = new StringBuilder(verb);
        if (!aliases.isEmpty()) {
            sb.append(" (").append(String.join(" ", aliases)).append(')');
        }
        operands.forEach(o -> sb.append(' ').append(o));
        required.forEach(k -> sb.append(' ').append(k));
        keywords.forEach(k -> sb.append(" [").append(k).append(']'));
        return sb.append(": ").append(purpose).toString();
    }

    private static String keywordOf(String form) {
        int paren = form.indexOf('(');
        return paren < 0 ? form : form.substring(0, paren);
    }

    private static boolean isWord(String s) {
        return !s.isEmpty() && s.equals(s.toUpperCase(Locale.ROOT)) && s.chars().allMatch(Character::isLetterOrDigit);
    }
}
