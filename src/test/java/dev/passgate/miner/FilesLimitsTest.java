package dev.passgate.miner;

import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The files miner's limits through a real session: name lengths, the home quota, chunked appends, file modes. */
class FilesLimitsTest {

    @TempDir
    Path data;

    @Test
    void overLongNamesAndPathsAreBadRequestsWithoutAStackTraceInTheLog() throws Exception {
        String longName = "n".repeat(300);
        String deep = ("d".repeat(200) + "/").repeat(6) + "f";
        List<ILoggingEvent> logged;
        try (RunningPassGate pg = new RunningPassGate(data, Map.of())) {
            pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            try (LineClient s = pg.session("JOE", "Secret1")) {
                logged = capturingLogs(() -> {
                    for (String op : List.of("write\",\"content\":\"x", "mkdir", "read", "list", "delete")) {
                        for (String path : List.of(longName, deep, "ok/" + longName + "/x")) {
                            JsonNode r = s.request("{\"op\":\"files." + op + "\",\"path\":\"" + path + "\"}");
                            assertEquals("BAD_REQUEST", code(r), op + " " + r);
                            assertTrue(r.at("/error/message").asText().contains("path too long"), r.toString());
                        }
                    }
                    assertEquals("OK", code(s.request("{\"op\":\"files.write\",\"path\":\"" + "n".repeat(255)
                            + "\",\"content\":\"x\"}")), "a name of 255 bytes is fine");
                });
            }
        }
        assertNoWarningsWithStackTraces(logged);
    }

    @Test
    void aPathTheFileSystemFindsTooLongIsABadRequestToo() throws Exception {
        // A root so deep that the system's own path limit comes before the miner's.
        Path root = data;
        while (root.toString().length() < 3500) {
            root = root.resolve("r".repeat(200));
        }
        Files.createDirectories(root);
        List<ILoggingEvent> logged;
        try (RunningPassGate pg = new RunningPassGate(data, Map.of("passgate.files.root", root.toString()))) {
            pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            try (LineClient s = pg.session("JOE", "Secret1")) {
                logged = capturingLogs(() -> {
                    String dir = "";
                    JsonNode answer = null;
                    for (int i = 0; i < 4 && (answer == null || code(answer).equals("OK")); i++) {
                        dir += "d".repeat(240) + "/";
                        answer = s.request("{\"op\":\"files.mkdir\",\"path\":\"" + dir + "\"}");
                    }
                    assertEquals("BAD_REQUEST", code(answer), "past the system's limit: " + answer);
                    assertTrue(answer.at("/error/message").asText().contains("path too long"), answer.toString());
                    assertEquals("JOE", s.request("{\"op\":\"whoami\"}").get("user").asText(), "the session goes on");
                });
            }
        }
        assertNoWarningsWithStackTraces(logged);
    }

    @Test
    void chunkedAppendsGrowAFileBeyondOneLineUpToMaxBytesAndTheHomeQuotaHolds() throws Exception {
        try (RunningPassGate pg = new RunningPassGate(data, Map.of("passgate.files.max-bytes", "100000",
                "passgate.files.quota-bytes", "150000"))) {
            pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER ANN PASSWORD(Secret1) NOEXPIRED");
            Path home = data.resolve("files/u/joe");
            try (LineClient s = pg.session("JOE", "Secret1")) {
                assertEquals("OK", code(write(s, "big", "a".repeat(40_000), false)));
                assertEquals("OK", code(write(s, "big", "b".repeat(40_000), true)));
                assertEquals("OK", code(write(s, "big", "c".repeat(20_000), true)));
                String expected = "a".repeat(40_000) + "b".repeat(40_000) + "c".repeat(20_000);
                assertEquals(expected, Files.readString(home.resolve("big")), "larger than the 64 KiB line limit");
                assertEquals(expected, s.request("{\"op\":\"files.read\",\"path\":\"big\"}").get("content").asText());
                JsonNode full = write(s, "big", "d", true);
                assertEquals("BAD_REQUEST", code(full), "passgate.files.max-bytes is reached");
                assertEquals(100_000, Files.size(home.resolve("big")), "nothing was appended");

                assertEquals("OK", code(write(s, "more", "e".repeat(40_000), false)));
                JsonNode over = write(s, "third", "f".repeat(20_000), false);
                assertEquals("NOT_AUTHORIZED", code(over), over.toString());
                assertTrue(over.at("/error/message").asText().contains("quota"), over.toString());
                assertFalse(Files.exists(home.resolve("third")), "a refused write creates nothing");
                assertEquals("NOT_AUTHORIZED", code(write(s, "more", "f".repeat(20_000), true)));
                assertEquals(40_000, Files.size(home.resolve("more")), "a refused append adds nothing");
                assertEquals("NOT_AUTHORIZED", code(write(s, "more", "f".repeat(60_000), false)),
                        "an overwrite counts its growth only, and this one grows too much");
                assertEquals("e".repeat(40_000), Files.readString(home.resolve("more")), "the old content stays whole");

                assertEquals("OK", code(write(s, "big", "small", false)), "overwriting frees the old bytes");
                assertEquals("OK", code(write(s, "third", "f".repeat(20_000), false)));
                try (var names = Files.list(home)) {
                    assertEquals(List.of("big", "more", "third"), names.map(p -> p.getFileName().toString()).sorted().toList(),
                            "no temporary files are left behind");
                }
            }
            try (LineClient ann = pg.session("ANN", "Secret1")) {
                assertEquals("OK", code(write(ann, "mine", "g".repeat(40_000), false)), "the quota is per home");
            }
        }
    }

    @Test
    void everythingTheMinerCreatesIsOwnerOnly() throws Exception {
        assumeTrue(data.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        try (RunningPassGate pg = new RunningPassGate(data, Map.of())) {
            pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            try (LineClient s = pg.session("JOE", "Secret1")) {
                assertEquals("OK", code(s.request("{\"op\":\"files.mkdir\",\"path\":\"docs\"}")));
                assertEquals("OK", code(write(s, "docs/a.txt", "hello", false)));
                assertEquals("OK", code(write(s, "docs/a.txt", "hello again", false)));
                assertEquals("OK", code(write(s, "log.txt", "one", true)));
                assertEquals("OK", code(write(s, "log.txt", "two", true)));
            }
            Path home = data.resolve("files/u/joe");
            assertEquals("rwx------", mode(home));
            assertEquals("rwx------", mode(home.resolve("docs")));
            assertEquals("rw-------", mode(home.resolve("docs/a.txt")));
            assertEquals("rw-------", mode(home.resolve("log.txt")));
            assertEquals("onetwo", Files.readString(home.resolve("log.txt")));
        }
    }

    private static JsonNode write(LineClient s, String path, String content, boolean append) throws Exception {
        return s.request("{\"op\":\"files.write\",\"path\":\"" + path + "\",\"content\":\"" + content + "\""
                + (append ? ",\"append\":true" : "") + "}");
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    interface Requests {
        void run() throws Exception;
    }

    /** What PassGate logged while the requests ran. */
    private static List<ILoggingEvent> capturingLogs(Requests requests) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            requests.run();
        } finally {
            root.detachAppender(logs);
        }
        synchronized (logs) {
            return new ArrayList<>(logs.list);
        }
    }

    private static void assertNoWarningsWithStackTraces(List<ILoggingEvent> logged) {
        for (ILoggingEvent e : logged) {
            boolean loud = e.getLevel().isGreaterOrEqual(Level.WARN);
            assertFalse(loud && e.getThrowableProxy() != null, "stack trace in the log: " + e.getFormattedMessage());
            assertFalse(loud && e.getLoggerName().startsWith("dev.passgate"), "warning in the log: " + e.getFormattedMessage());
        }
    }
}
