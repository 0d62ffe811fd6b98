package dev.passgate.security.racf;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses RACF command text as RACF writes it: a verb, then blank- or comma-separated
 * operands, where an operand is a word or a 'quoted string' ('' is a quote inside) and
 * may carry a parenthesised list of operands of its own.
 */
public final class RacfParser {

    private final String text;
    private int pos;

    private RacfParser(String text) {
        this.text = text;
    }

    /** The operands of the command, the verb first. */
    public static List<Operand> parse(String command) {
        if (command == null || command.isBlank()) {
            throw new RacfCommandException(12, "empty command");
        }
        RacfParser p = new RacfParser(command.strip());
        List<Operand> operands = p.list(false);
        if (operands.isEmpty() || operands.get(0).quoted() || operands.get(0).hasArgs()) {
            throw new RacfCommandException(12, "a command starts with its name, e.g. ADDUSER");
        }
        return operands;
    }

    private List<Operand> list(boolean nested) {
        List<Operand> out = new ArrayList<>();
        while (true) {
            skipSeparators();
            if (pos >= text.length()) {
                if (nested) {
                    throw new RacfCommandException(12, "unbalanced parentheses: a '(' is not closed");
                }
                return out;
            }
            char c = text.charAt(pos);
            if (c == ')') {
                if (!nested) {
                    throw new RacfCommandException(12, "unbalanced parentheses: ')' at position " + (pos + 1)
                            + " closes nothing");
                }
                pos++;
                return out;
            }
            out.add(operand());
        }
    }

    private Operand operand() {
        boolean quoted = text.charAt(pos) == '\'';
        String word = quoted ? quoted() : word();
        List<Operand> args = null;
        if (pos < text.length() && text.charAt(pos) == '(') {
            pos++;
            args = list(true);
        }
        return new Operand(word, quoted, args);
    }

    private String word() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || c == ',' || c == '(' || c == ')' || c == '\'') {
                break;
            }
            pos++;
        }
        if (pos == start) {
            throw new RacfCommandException(12, "unexpected '" + text.charAt(pos) + "' at position " + (pos + 1));
        }
        return text.substring(start, pos);
    }

    private String quoted() {
        StringBuilder sb = new StringBuilder();
        pos++; // opening quote
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    sb.append('\'');
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
        throw new RacfCommandException(12, "a quoted string is not closed");
    }

    private void skipSeparators() {
        while (pos < text.length() && (Character.isWhitespace(text.charAt(pos)) || text.charAt(pos) == ',')) {
            pos++;
        }
    }
}
