package dev.passgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The return codes the README documents (0 done, 8 refused, 12 not understood), and -V. */
class CliReturnCodesTest {

    @TempDir
    Path data;

    @RegisterExtension
    final CliRun cli = new CliRun();

    private CliRun.Result run(String... args) {
        return cli.run(args);
    }

    @Test
    void anUnknownCommandIsNotUnderstoodWithOrWithoutARunningDaemon() throws Exception {
        CliRun.Result offline = run("admin", "--data=" + data, "FROB JOE");
        assertEquals(12, offline.exit(), offline.out() + offline.err());
        assertTrue(offline.out().startsWith("unknown command FROB"), offline.out());

        try (RunningPassGate pg = new RunningPassGate(data, Map.of())) {
            CliRun.Result online = run("admin", "--data=" + data, "FROB JOE");
            assertEquals(12, online.exit(), online.out() + online.err());
            assertTrue(online.out().startsWith("unknown command FROB"), online.out());

            CliRun.Result display = run("admin", "--data=" + data, "DISPLAY FROB");
            assertEquals(12, display.exit());
            assertEquals("DISPLAY takes PROCESS, CLIENTS[,USER|,ID|,LOGON] or JOBS[,OWNER=userid], not FROB\n",
                    display.out());
            CliRun.Result refused = run("admin", "--data=" + data, "CANCEL ID=no-such-session");
            assertEquals(8, refused.exit(), refused.out());
            assertEquals(0, run("admin", "--data=" + data, "DISPLAY PROCESS").exit());
        }
    }

    @Test
    void aMissingCommandFileIsNamedWithTheOptionThatTakesIt() {
        Path missing = data.resolve("site.racf");
        CliRun.Result r = run("admin", "--data=" + data, "--file", missing.toString());
        assertEquals(2, r.exit());
        assertEquals("passgate: command file " + missing + " not found (give --file a file of RACF commands, one a line)\n",
                r.err());
    }

    @Test
    void dashVPrintsTheBuildsVersion() {
        CliRun.Result v = run("-V");
        assertEquals(0, v.exit());
        assertTrue(v.out().matches("PassGate \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), v.out());
    }
}
