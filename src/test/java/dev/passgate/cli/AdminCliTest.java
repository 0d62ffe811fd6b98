package dev.passgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.testkit.TestPassGate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code passgate admin} and {@code passgate audit} against a real database folder. */
class AdminCliTest {

    @TempDir
    Path data;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void masterKey() {
        System.setProperty("passgate.security.master-key", TestPassGate.MASTER_KEY);
        System.setProperty("passgate.security.password-iterations", TestPassGate.TEST_ITERATIONS);
    }

    @AfterEach
    void clear() {
        System.clearProperty("passgate.security.master-key");
        System.clearProperty("passgate.security.password-iterations");
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = args[0];
        all[1] = "--data=" + data;
        System.arraycopy(args, 1, all, 2, args.length - 1);
        int exit = PassGateCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void oneCommandRunsAgainstTheDatabaseAndIsListedAfterwards() {
        Run add = run("admin", "ADDUSER JOE PASSWORD(Secret1) NAME('Joe Bloggs')");
        assertEquals(0, add.exit, add.err);
        assertTrue(add.out.contains("user JOE defined"), add.out);
        Run list = run("admin", "LISTUSER JOE");
        assertTrue(list.out.contains("NAME=Joe Bloggs"), list.out);
        assertFalse(list.out.contains("Secret1"));
    }

    @Test
    void aRefusedCommandExitsWithItsReturnCode() {
        Run r = run("admin", "ADDUSER 9LIVES");
        assertEquals(8, r.exit);
        assertEquals(1, r.out.lines().count(), r.out);
        Run syntax = run("admin", "RDEFINE APPL X UACC(READ");
        assertEquals(12, syntax.exit);
    }

    @Test
    void aFileStopsAtTheFirstErrorUnlessToldToContinue() throws Exception {
        Path file = data.resolve("defs.racf");
        Files.writeString(file, "ADDGROUP OPS\nADDUSER ANN DFLTGRP(NOGROUP)\nADDUSER BOB DFLTGRP(OPS)\n");
        assertEquals(8, run("admin", "--file", file.toString()).exit);
        assertTrue(run("admin", "LISTUSER BOB").out.contains("not defined"));

        Files.writeString(file, "ADDUSER ANN DFLTGRP(NOGROUP)\nADDUSER BOB DFLTGRP(OPS)\n");
        assertEquals(8, run("admin", "--file", file.toString(), "--continue").exit);
        assertTrue(run("admin", "LISTUSER BOB").out.contains("USER=BOB"));
    }

    @Test
    void theAuditLogShowsCommandsWithSecretsMasked() {
        run("admin", "ADDUSER JOE PASSWORD(Secret1)");
        run("admin", "RDEFINE PTKTDATA CICSPROD SSIGNON(KEYMASKED(E001193519561977))");
        Run audit = run("audit", "--event", "command");
        assertEquals(0, audit.exit, audit.err);
        assertTrue(audit.out.contains("ADDUSER JOE PASSWORD(********)"), audit.out);
        assertTrue(audit.out.contains("KEYMASKED(********)"), audit.out);
        assertFalse(audit.out.contains("Secret1") || audit.out.contains("E001193519561977"), audit.out);
        Run unknown = run("audit", "--event", "frob");
        assertEquals(2, unknown.exit, "an unknown event is a usage error, not an empty answer");
        assertTrue(unknown.err.contains("--event frob is none of VERIFY, REVOKE, COMMAND"), unknown.err);
    }

    @Test
    void commandsOrAFileButNotNeither() {
        Run r = run("admin");
        assertEquals(2, r.exit);
        assertTrue(r.err.startsWith("passgate: "), r.err);
    }
}
