package dev.passgate.exit;

import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision order of docs/exits.md, mode by mode, with the exit absent, passing or failing.
 * The exit is RecordingExit: it refuses user REFUSED and paths containing "forbidden".
 */
class SecurityModesTest {

    @TempDir
    Path data;

    private RunningPassGate start(String mode, boolean exit, Map<String, String> extra) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("passgate.security", mode,
                "passgate.security.exports-file", data.resolve("exports").toString()));
        if (exit) {
            settings.put("passgate.exit.class", RecordingExit.class.getName());
        }
        settings.putAll(extra);
        Files.writeString(data.resolve("exports"), "JOE /u/joe /shared\n*   /public\n");
        RunningPassGate pg = new RunningPassGate(data, settings);
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER REFUSED PASSWORD(Secret1) NOEXPIRED",
                "RDEFINE FILE /shared/** UACC(NONE)", "RDEFINE FILE /public/** UACC(READ)");
        return pg;
    }

    private static String logon(RunningPassGate pg, String user, String password) throws Exception {
        JsonNode r = pg.logon("{\"op\":\"logon\",\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
        return r.get("ok").asBoolean() ? "OK" : r.at("/error/code").asText();
    }

    @ParameterizedTest(name = "{0}, exit {1}: right password {2}, wrong password {3}, refused user {4}")
    @CsvSource({
        // mode     exit   right  wrong          refused-by-exit
        "saf,      false, OK,    AUTH_FAILED,   OK",
        "saf,      true,  OK,    AUTH_FAILED,   EXIT_REJECTED",
        "safexp,   false, OK,    AUTH_FAILED,   OK",
        "safexp,   true,  OK,    AUTH_FAILED,   EXIT_REJECTED",
        "exports,  false, OK,    AUTH_FAILED,   OK",
        "exports,  true,  OK,    OK,            EXIT_REJECTED",
        "none,     true,  OK,    OK,            EXIT_REJECTED",
    })
    void logonDecisions(String mode, boolean exit, String right, String wrong, String refused) throws Exception {
        try (RunningPassGate pg = start(mode, exit, Map.of())) {
            assertEquals(right, logon(pg, "JOE", "Secret1"));
            assertEquals(wrong, logon(pg, "JOE", "not-the-password"));
            assertEquals(refused, logon(pg, "REFUSED", "Secret1"));
        }
    }

    @ParameterizedTest(name = "{0}, exit {1}")
    @CsvSource({
        // mode     exit   /shared (FILE: NONE, exported)  /public (FILE: READ, exported to all)  forbidden path in home (exit says no)
        "saf,      false, NOT_AUTHORIZED,                 OK,                                     OK",
        "saf,      true,  NOT_AUTHORIZED,                 OK,                                     EXIT_REJECTED",
        "safexp,   false, NOT_AUTHORIZED,                 OK,                                     OK",
        "safexp,   true,  NOT_AUTHORIZED,                 OK,                                     EXIT_REJECTED",
        "exports,  false, OK,                             OK,                                     OK",
        "exports,  true,  OK,                             OK,                                     EXIT_REJECTED",
        "none,     true,  OK,                             OK,                                     EXIT_REJECTED",
    })
    void fileDecisions(String mode, boolean exit, String shared, String pub, String forbidden) throws Exception {
        try (RunningPassGate pg = start(mode, exit, Map.of())) {
            Files.createDirectories(data.resolve("files/shared"));
            Files.createDirectories(data.resolve("files/public"));
            try (LineClient s = pg.session("JOE", "Secret1")) {
                assertEquals(shared, code(s.request("{\"op\":\"files.list\",\"path\":\"/shared\"}")));
                assertEquals(pub, code(s.request("{\"op\":\"files.list\",\"path\":\"/public\"}")));
                assertEquals(forbidden, code(s.request("{\"op\":\"files.write\",\"path\":\"forbidden\",\"content\":\"x\"}")));
            }
        }
    }

    @Test
    void safexpNeedsAnExportRuleEvenWhereFileProfilesAllow() throws Exception {
        try (RunningPassGate pg = start("safexp", false, Map.of())) {
            pg.admin("ADDUSER ANN PASSWORD(Secret1) NOEXPIRED");
            Files.createDirectories(data.resolve("files/public"));
            try (LineClient ann = pg.session("ANN", "Secret1")) {
                assertEquals("NOT_AUTHORIZED", code(ann.request("{\"op\":\"files.list\",\"path\":\"/u/ann\"}")),
                        "ANN has no export rule for her home");
                assertEquals("OK", code(ann.request("{\"op\":\"files.list\",\"path\":\"/public\"}")));
            }
        }
    }

    @Test
    void noneWithoutAnExitRefusesToStartUnlessAllowed() throws Exception {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> start("none", false, Map.of()));
        assertTrue(e.getMessage().contains("passgate.security.allow-none"), e.getMessage());
        try (RunningPassGate pg = start("none", false, Map.of("passgate.security.allow-none", "true"))) {
            assertEquals("AUTH_FAILED", logon(pg, "JOE", "wrong"), "passwords are still verified");
        }
    }

}
