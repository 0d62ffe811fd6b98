package dev.passgate.security.racf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.passgate.support.RegistryTestSupport;
import java.util.List;

/** For the verb tests: a command's whole answer, return code and every line, as an administrator reads it. */
abstract class RacfVerbTestSupport extends RegistryTestSupport {

    void expect(String command, int returnCode, String... lines) {
        assertEquals(new CommandResult(returnCode, List.of(lines)), t.run(command), command);
    }

    void refused(String command, String message) {
        expect(command, 8, message);
    }

    List<String> lines(String command) {
        CommandResult r = t.run(command);
        assertEquals(0, r.returnCode(), command + " -> " + r.lines());
        return r.lines();
    }
}
