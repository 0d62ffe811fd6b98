package dev.passgate.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.passgate.support.TestRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A whole administrative and logon session, with every log line, audit record, listing
 * and error message captured and searched for the secrets that went in.
 */
class NoSecretsLeakTest {

    private static final String KEY = "E001193519561977";
    private static final String ENHANCED = "A1B2C3D4".repeat(8);
    private static final String PASSWORD = "Pw4Joe";
    private static final String NEW_PASSWORD = "Nw4Joe";
    private static final String PHRASE = "open sesame seed";
    private static final String TOTP = "3132333435363738393031323334353637383930";

    @TempDir
    Path folder;

    @Test
    void noKeyPasswordOrTicketAppearsAnywhere() {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        Level level = root.getLevel();
        root.setLevel(Level.TRACE);
        List<String> seen = new ArrayList<>();
        try (TestRegistry t = new TestRegistry(folder)) {
            List<String> commands = List.of(
                    "ADDUSER JOE PASSWORD(" + PASSWORD + ")",
                    "ALTUSER JOE PHRASE('" + PHRASE + "') TOTP(" + TOTP + ")",
                    "RDEFINE PTKTDATA FEKAPPL SSIGNON(KEYMASKED(" + KEY + ") EPTKEYMASKED(" + ENHANCED + "))"
                            + " APPLDATA('NO REPLAY PROTECTION')",
                    "RDEFINE PTKTDATA BADAPPL SSIGNON(KEYMASKED(" + KEY.substring(1) + "))",
                    "RALTER PTKTDATA FEKAPPL SSIGNON(KEYMASKED(" + KEY + ")",
                    "LISTUSER JOE", "RLIST PTKTDATA FEKAPPL", "RLIST PTKTDATA *");
            for (String c : commands) {
                seen.addAll(t.run(c).lines());
            }
            Verifier v = t.registry.verifier();
            seen.add(v.verify(VerifyRequest.password("JOE", PASSWORD.toCharArray())).toString());
            seen.add(v.verify(VerifyRequest.password("JOE", PASSWORD.toCharArray()).withOtp("000000")
                    .withNewPassword(NEW_PASSWORD.toCharArray())).toString());
            seen.add(VerifyRequest.password("JOE", PASSWORD.toCharArray()).withNewPassword(NEW_PASSWORD.toCharArray()).toString());
            var generated = t.registry.passTicketGenerator().generate("JOE", "FEKAPPL");
            seen.add(generated.toString());
            seen.add(t.registry.passTicketEvaluator().evaluate("JOE", "FEKAPPL", generated.ticket()).toString());
            seen.add(v.verify(VerifyRequest.passticket("JOE", generated.ticket(), "FEKAPPL")).toString());
            seen.add(v.verify(VerifyRequest.passticket("JOE", "ZZZZZZZZ", "FEKAPPL")).toString());
            seen.add(t.registry.passTicketDefinitions().find("FEKAPPL").orElseThrow().toString());
            t.registry.audit().query(null, null, 1000).forEach(e -> seen.add(e.line()));
            logs.list.forEach(e -> seen.add(e.getFormattedMessage()));

            List<String> secrets = List.of(KEY, KEY.substring(1), ENHANCED, PASSWORD, NEW_PASSWORD, PHRASE, TOTP,
                    generated.ticket());
            assertTrue(seen.stream().anyMatch(s -> s.contains("COMMAND")), "the audit trail was captured");
            for (String line : seen) {
                for (String secret : secrets) {
                    assertFalse(line.toUpperCase().contains(secret.toUpperCase()), "secret in: " + line);
                }
            }
        } finally {
            root.detachAppender(logs);
            root.setLevel(level);
        }
    }
}
