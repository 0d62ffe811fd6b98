package dev.passgate.admin.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The single list of operator verbs, like FtpServer's {@code CommandFactory}: whether a text is
 * an operator command, which class runs it, and the verbs an unknown one is told about all come
 * from here, so a verb cannot be accepted and then found unhandled.
 */
public final class OperatorCommandFactory {

    public static final OperatorCommandFactory STANDARD = new OperatorCommandFactory(List.of(new DisplayCommand(),
            new CancelCommand(), new SendCommand(), new LogCommand(), new NetstatCommand(), new IvpCommand(),
            new AuditCommand()));

    private final List<OperatorCommand> commands;
    private final Map<String, OperatorCommand> byName = new LinkedHashMap<>();

    OperatorCommandFactory(List<OperatorCommand> commands) {
        this.commands = List.copyOf(commands);
        for (OperatorCommand c : this.commands) {
            register(c.verb(), c);
            c.abbreviations().forEach(a -> register(a, c));
        }
    }

    private void register(String name, OperatorCommand command) {
        OperatorCommand before = byName.putIfAbsent(name, command);
        if (before != null) {
            throw new IllegalStateException(name + " names both " + before.verb() + " and " + command.verb());
        }
    }

    /**
     * The command a verb or abbreviation names, in any case. Only ASCII letters count: Unicode
     * case mapping would let {@code "\u017fEND"} (long s) name SEND.
     */
    public Optional<OperatorCommand> command(String verb) {
        if (verb == null || !verb.matches("[A-Za-z]+")) {
            return Optional.empty();
        }
        return Optional.ofNullable(byName.get(verb.toUpperCase(Locale.ROOT)));
    }

    /** Every verb once, in the order help lists them. */
    public List<OperatorCommand> commands() {
        return commands;
    }
}
