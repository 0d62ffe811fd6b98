package dev.passgate.admin.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.security.racf.CommandResult;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLoggerFactory;

/** Logback is optional for embedders: in a host logging through another backend LOG says so. */
class LogCommandBackendTest {

    @Test
    void withAnotherLoggingBackendLogIsRefusedNamingIt() {
        LogCommand log = new LogCommand(NOPLoggerFactory::new);
        Matcher operands = log.grammar().matcher("LEVEL=DEBUG");
        assertTrue(operands.matches());
        CommandResult r = log.execute(operands, "TEST", null);
        assertEquals(8, r.returnCode(), r.lines().toString());
        assertEquals("LOG changes logback's levels; this process logs through org.slf4j.helpers.NOPLoggerFactory:"
                + " change levels in the host's logging configuration", r.lines().get(0));
    }
}
