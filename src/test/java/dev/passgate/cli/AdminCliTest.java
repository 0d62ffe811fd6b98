package dev.passgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code passgate admin} and {@code passgate audit} against a real database folder. */
class AdminCliTest {

    @TempDir
    Path data;

    @RegisterExtension
    final CliRun cli = new CliRun();

    /** The command with this test's data folder. */
    private CliRun.Result run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = args[0];
        all[1] = "--data=" + data;
        System.arraycopy(args, 1, all, 2, args.length - 1);
        return cli.run(all);
    }

    @Test
    void oneCommandRunsAgainstTheDatabaseAndIsListedAfterwards() {
        CliRun.Result add = run("admin", "ADDUSER JOE PASSWORD(Secret1) NAME('Joe Bloggs')");
        assertEquals(0, add.exit(), add.err());
        assertTrue(add.out().contains("user JOE defined"), add.out());
        CliRun.Result list = run("admin", "LISTUSER JOE");
        assertTrue(list.out().contains("NAME=Joe Bloggs"), list.out());
        assertFalse(list.out().contains("Secret1"));
    }

    @Test
    void aRefusedCommandExitsWithItsReturnCode() {
        CliRun.Result r = run("admin", "ADDUSER 9LIVES");
        assertEquals(8, r.exit());
        assertEquals(1, r.out().lines().count(), r.out());
        CliRun.Result syntax = run("admin", "RDEFINE APPL X UACC(READ");
        assertEquals(12, syntax.exit());
    }

    @Test
    void aFileStopsAtTheFirstErrorUnlessToldToContinue() throws Exception {
        Path file = data.resolve("defs.racf");
        Files.writeString(file, "ADDGROUP OPS\nADDUSER ANN DFLTGRP(NOGROUP)\nADDUSER BOB DFLTGRP(OPS)\n");
        assertEquals(8, run("admin", "--file", file.toString()).exit());
        assertTrue(run("admin", "LISTUSER BOB").out().contains("not defined"));

        Files.writeString(file, "ADDUSER ANN DFLTGRP(NOGROUP)\nADDUSER BOB DFLTGRP(OPS)\n");
        assertEquals(8, run("admin", "--file", file.toString(), "--continue").exit());
        assertTrue(run("admin", "LISTUSER BOB").out().contains("USER=BOB"));
    }

    @Test
    void theAuditLogShowsCommandsWithSecretsMasked() {
        run("admin", "ADDUSER JOE PASSWORD(Secret1)");
        run("admin", "RDEFINE PTKTDATA CICSPROD SSIGNON(KEYMASKED(E001193519561977))");
        CliRun.Result audit = run("audit", "--event", "command");
        assertEquals(0, audit.exit(), audit.err());
        assertTrue(audit.out().contains("ADDUSER JOE PASSWORD(********)"), audit.out());
        assertTrue(audit.out().contains("KEYMASKED(********)"), audit.out());
        assertFalse(audit.out().contains("Secret1") || audit.out().contains("E001193519561977"), audit.out());
        CliRun.Result unknown = run("audit", "--event", "frob");
        assertEquals(2, unknown.exit(), "an unknown event is a usage error, not an empty answer");
        assertTrue(unknown.err().contains("--event frob is none of VERIFY, REVOKE, COMMAND"), unknown.err());
    }

    @Test
    void commandsOrAFileButNotNeither() {
        CliRun.Result r = run("admin");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("passgate: "), r.err());
    }
}
