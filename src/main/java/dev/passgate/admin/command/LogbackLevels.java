package dev.passgate.admin.command;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.passgate.security.racf.CommandResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** The part of LOG that needs logback's classes, apart so that LOG loads without them. */
final class LogbackLevels {

    private LogbackLevels() {
    }

    static CommandResult change(String name, String level, Clock clock) {
        Level parsed = Level.toLevel(level.toUpperCase(Locale.ROOT), null);
        if (parsed == null) {
            return OperatorCommand.refused("LEVEL is TRACE, DEBUG, INFO, WARN, ERROR or OFF, not " + level);
        }
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        Level before = logger.getEffectiveLevel();
        logger.setLevel(parsed);
        return OperatorCommand.done(List.of("log level of " + name + " changed from " + before + " to " + parsed
                + " at " + Instant.now(clock)));
    }
}
