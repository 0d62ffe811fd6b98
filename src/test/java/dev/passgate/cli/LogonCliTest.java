package dev.passgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.testkit.RunningPassGate;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled client against a running daemon, over the wire only. */
class LogonCliTest {

    @TempDir
    Path data;
    private RunningPassGate pg;
    private Path passwordFile;

    @BeforeEach
    void start() throws Exception {
        pg = new RunningPassGate(data, Map.of());
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
        passwordFile = Files.writeString(data.resolve("pw"), "Secret1\n");
    }

    @AfterEach
    void stop() throws Exception {
        pg.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... extra) {
        List<String> args = new ArrayList<>(List.of("logon", "--host", "127.0.0.1", "--port",
                Integer.toString(pg.daemonPort), "--user", "joe"));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PassGateCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void oneOperationPrintsItsReply() throws Exception {
        Run r = run("--password-file", passwordFile.toString(), "--op", "files.list", "--path", "/u/joe");
        assertEquals(0, r.exit, r.err);
        JsonNode reply = new ObjectMapper().readTree(r.out);
        assertTrue(reply.get("ok").asBoolean());
        assertTrue(reply.has("entries"));
    }

    @Test
    void linesFromStdinRunOnTheSession() throws Exception {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream("{\"op\":\"whoami\",\"id\":1}\n{\"op\":\"logout\",\"id\":2}\n"
                .getBytes(StandardCharsets.UTF_8)));
        try {
            Run r = run("--password-file", passwordFile.toString());
            assertEquals(0, r.exit, r.err);
            List<String> lines = r.out.lines().toList();
            assertEquals(3, lines.size(), r.out);
            assertTrue(lines.get(1).contains("\"user\":\"JOE\""), lines.get(1));
            assertTrue(lines.get(2).startsWith("{\"id\":2,\"ok\":true"), lines.get(2));
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void aRefusedLogonPrintsTheErrorAndExits1() throws Exception {
        Files.writeString(passwordFile, "wrong\n");
        Run r = run("--password-file", passwordFile.toString(), "--op", "whoami");
        assertEquals(1, r.exit);
        assertTrue(r.err.contains("AUTH_FAILED"), r.err);
        assertTrue(!r.err.contains("wrong"), "the password is never echoed");
    }

    @Test
    void withoutAPasswordSourceItSaysWhereToGiveOne() {
        Run r = run("--op", "whoami");
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("--password-file"), r.err);
    }

    @Test
    void anExpiredPasswordIsChangedAtLogonWithNewPasswordFile() throws Exception {
        pg.admin("ADDUSER ANN PASSWORD(Temp1)"); // expired, as ADDUSER leaves it without NOEXPIRED
        Path old = Files.writeString(data.resolve("old"), "Temp1\n");
        Path fresh = Files.writeString(data.resolve("new"), "Fresh12\n");
        Run expired = runAs("ann", "--password-file", old.toString(), "--op", "whoami");
        assertEquals(1, expired.exit);
        assertTrue(expired.err.contains("PASSWORD_EXPIRED"), expired.err);

        Run changed = runAs("ann", "--password-file", old.toString(), "--new-password-file", fresh.toString(),
                "--op", "whoami");
        assertEquals(0, changed.exit, changed.err);
        assertTrue(changed.out.contains("\"user\":\"ANN\""), changed.out);
        assertEquals(0, runAs("ann", "--password-file", fresh.toString(), "--op", "whoami").exit, "the new one works");
        assertTrue(runAs("ann", "--password-file", old.toString(), "--op", "whoami").err.contains("AUTH_FAILED"));
    }

    @Test
    void aMissingPasswordFileIsNamedWithTheOptionThatTakesIt() {
        Path missing = data.resolve("no-such.pw");
        Run r = run("--password-file", missing.toString(), "--op", "whoami");
        assertEquals(2, r.exit);
        assertEquals("passgate: password file " + missing + " not found (give --password-file a file whose first line"
                + " is the password)\n", r.err);
        Run n = run("--password-file", passwordFile.toString(), "--new-password-file", missing.toString());
        assertTrue(n.err.startsWith("passgate: new password file " + missing + " not found (give --new-password-file"),
                n.err);
    }

    @Test
    void aRefusedConnectionNamesHostPortAndWhereToSetThem() throws Exception {
        int nothing = dev.passgate.testkit.TestPassGate.freePort();
        List<String> args = List.of("logon", "--host", "127.0.0.1", "--port", Integer.toString(nothing), "--user", "joe",
                "--password-file", passwordFile.toString(), "--op", "whoami");
        StringWriter err = new StringWriter();
        int exit = PassGateCli.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                args.toArray(String[]::new));
        assertEquals(1, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("passgate: cannot connect to the daemon (--host, --port; passgate.daemon.port)"
                + " at 127.0.0.1:" + nothing + " (Connection refused)"), err.toString());
    }

    private Run runAs(String user, String... extra) {
        List<String> args = new ArrayList<>(List.of("logon", "--host", "127.0.0.1", "--port",
                Integer.toString(pg.daemonPort), "--user", user));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PassGateCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
