package dev.passgate.admin.command;

import dev.passgate.security.racf.CommandResult;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operator verb, as Apache FtpServer has one {@code Command} per FTP verb: the verb's name,
 * its z/OS abbreviation, its operand grammar and its help line live together in its class, so a
 * verb is added or changed in one place and {@link OperatorCommandFactory} only lists it.
 * Commands hold no state; what they act on comes in {@link OperatorServices}.
 */
public interface OperatorCommand {

    /** The verb, upper case. */
    String verb();

    /** Shorter names z/OS operators type for the same verb (D for DISPLAY). */
    default List<String> abbreviations() {
        return List.of();
    }

    /**
     * The operands this verb accepts (the text after the verb, trimmed), matched whole and
     * case-insensitively; a text that does not match is not understood (rc 12).
     */
    Pattern grammar();

    /** The same grammar for people: what the help line and the "not understood" reply show. */
    String syntax();

    /** Runs the verb on operands that matched {@link #grammar()}; never throws for a bad value. */
    CommandResult execute(Matcher operands, String actor, OperatorServices services);

    default String help() {
        return verb() + " " + syntax() + (abbreviations().isEmpty() ? "" : " (" + String.join(", ", abbreviations())
                + " for short)");
    }

    static CommandResult done(List<String> lines) {
        return new CommandResult(0, lines);
    }

    /** Understood, but not done: the value named in the line is wrong; nothing changed. */
    static CommandResult refused(String line) {
        return new CommandResult(8, List.of(line));
    }
}
