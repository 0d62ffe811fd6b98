package dev.passgate.admin.command;

import dev.passgate.security.racf.CommandResult;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * LOG LEVEL= [LOGGER=]: a logger's level, changed in the running daemon without a restart. Levels
 * are logback's; embedded in a host that logs through another backend (logback is an optional
 * dependency of the library), the command is refused with the reason instead.
 */
final class LogCommand implements OperatorCommand {

    private static final Pattern GRAMMAR = Pattern.compile("LEVEL=(\\w+)(?:\\s+LOGGER=(\\S+))?",
            Pattern.CASE_INSENSITIVE);
    private static final String LOGBACK_FACTORY = "ch.qos.logback.classic.LoggerContext";

    private final Supplier<ILoggerFactory> backend;

    LogCommand() {
        this(LoggerFactory::getILoggerFactory);
    }

    LogCommand(Supplier<ILoggerFactory> backend) {
        this.backend = backend;
    }

    @Override
    public String verb() {
        return "LOG";
    }

    @Override
    public Pattern grammar() {
        return GRAMMAR;
    }

    @Override
    public String syntax() {
        return "LEVEL=level [LOGGER=name]";
    }

    @Override
    public CommandResult execute(Matcher operands, String actor, OperatorServices s) {
        String factory = backend.get().getClass().getName();
        if (!factory.equals(LOGBACK_FACTORY)) {
            return OperatorCommand.refused("LOG changes logback's levels; this process logs through " + factory
                    + ": change levels in the host's logging configuration");
        }
        String name = operands.group(2) == null ? "dev.passgate" : operands.group(2);
        // Only touched once logback is known to be there, so the class never loads without it.
        return LogbackLevels.change(name, operands.group(1), s.clock());
    }
}
