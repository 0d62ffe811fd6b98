package dev.passgate.admin.command;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.passgate.security.racf.CommandResult;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/** LOG LEVEL= [LOGGER=]: a logger's level, changed in the running daemon without a restart. */
final class LogCommand implements OperatorCommand {

    private static final Pattern GRAMMAR = Pattern.compile("LEVEL=(\\w+)(?:\\s+LOGGER=(\\S+))?",
            Pattern.CASE_INSENSITIVE);

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
        String level = operands.group(1);
        Level parsed = Level.toLevel(level.toUpperCase(Locale.ROOT), null);
        if (parsed == null) {
            return OperatorCommand.refused("LEVEL is TRACE, DEBUG, INFO, WARN, ERROR or OFF, not " + level);
        }
        String name = operands.group(2) == null ? "dev.passgate" : operands.group(2);
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        Level before = logger.getEffectiveLevel();
        logger.setLevel(parsed);
        return OperatorCommand.done(List.of("log level of " + name + " changed from " + before + " to " + parsed
                + " at " + Instant.now(s.clock())));
    }
}
