package dev.passgate.daemon;

import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An operator's {@code LOG LEVEL=TRACE} on Camel, Netty and PassGate while clients log on: every
 * line logged, with its exceptions, is searched for the passwords and the client IDs that went by.
 */
class DaemonLogSecretsTest {

    private static final String PASSWORD = "Pw4Joe7";
    private static final String EXPIRED = "Old4Ann7";
    private static final String NEW_PASSWORD = "New4Ann7";
    private static final List<String> LOGGERS = List.of("org.apache.camel", "io.netty", "dev.passgate");

    @TempDir
    Path data;

    @Test
    void noPasswordOrClientIdIsLoggedAtAnyLevel() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        Map<String, Level> levels = new HashMap<>();
        for (String name : LOGGERS) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            levels.put(name, l.getLevel());
            l.setLevel(Level.TRACE);
        }
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, EXPIRED, NEW_PASSWORD));
        try (RunningPassGate pg = new RunningPassGate(data, Map.of())) {
            pg.admin("ADDUSER JOE PASSWORD(" + PASSWORD + ") NOEXPIRED", "ADDUSER ANN PASSWORD(" + EXPIRED + ")");
            JsonNode ok = pg.logon("{\"op\":\"logon\",\"id\":1,\"user\":\"JOE\",\"password\":\"" + PASSWORD + "\"}");
            assertEquals("OK", code(ok));
            secrets.add(ok.get("clientId").asText());
            try (LineClient session = pg.connect(ok)) {
                session.request("{\"op\":\"whoami\"}");
            }
            assertEquals("AUTH_FAILED", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"" + PASSWORD
                    + "x\"}")));
            assertEquals("PASSWORD_EXPIRED", code(pg.logon("{\"op\":\"logon\",\"user\":\"ANN\",\"password\":\"" + EXPIRED
                    + "\"}")));
            JsonNode changed = pg.logon("{\"op\":\"logon\",\"user\":\"ANN\",\"password\":\"" + EXPIRED
                    + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
            assertEquals("OK", code(changed), changed.toString());
            secrets.add(changed.get("clientId").asText());
            try (LineClient daemon = new LineClient(pg.daemonPort)) {
                assertEquals("BAD_REQUEST", code(daemon.request("{\"op\":\"logon\",\"password\":\"" + PASSWORD + "\"")));
                JsonNode badOp = daemon.request("{\"op\":7,\"id\":3,\"password\":\"" + PASSWORD + "\"}");
                assertEquals("BAD_REQUEST", code(badOp));
                assertEquals(3, badOp.get("id").asInt(), "a line that does not parse still has its id echoed");
            }
            try (LineClient daemon = new LineClient(pg.daemonPort)) {
                String huge = "{\"op\":\"logon\",\"password\":\"" + PASSWORD + "\",\"pad\":\"" + "x".repeat(70_000) + "\"}";
                assertEquals("LINE_TOO_LONG", code(daemon.request(huge)));
            }
        } finally {
            root.detachAppender(logs);
            LOGGERS.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).setLevel(levels.get(name)));
        }

        List<String> seen = new ArrayList<>();
        for (ILoggingEvent e : logs.list) {
            seen.add(e.getLoggerName() + " " + e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                seen.add(t.getClassName() + ": " + t.getMessage());
                for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                    seen.add(frame.getSTEAsString());
                }
            }
        }
        String received = "org.apache.camel.component.netty.handlers.ServerChannelHandler";
        assertTrue(seen.stream().anyMatch(l -> l.startsWith(received) && l.contains("received body: request line (")),
                "camel-netty's DEBUG line for each request was captured, masked");
        assertTrue(seen.stream().anyMatch(l -> l.startsWith(received) && l.contains("writing body: reply line (")),
                "and its line for each reply");
        for (String line : seen) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "secret in: " + line);
            }
        }
    }
}
