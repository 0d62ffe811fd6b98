package dev.passgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.admin.AdminHttpApi;
import dev.passgate.store.EmbeddedStore;
import dev.passgate.support.ServeProcess;
import dev.passgate.testkit.TestPassGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Another local account against a running node: nothing of the store listens, and nothing
 * in the data folder can be read or opened. Needs root, to create and become that account.
 */
class StoreIsolationIT {

    private static final String INTRUDER = "pgintruder";

    private Path work;

    @BeforeEach
    void asRootWithAnotherAccount() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "skipped: creating and becoming a second OS user needs root");
        if (sh("id", INTRUDER).exitCode != 0) {
            assertEquals(0, sh("useradd", "--system", "--no-create-home", "--shell", "/bin/sh", INTRUDER).exitCode);
        }
        // A world-traversable parent, so only PassGate's own modes can keep the intruder out.
        work = Files.createTempDirectory(Path.of("/tmp"), "passgate-isolation-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void clean() throws Exception {
        if (work != null) {
            sh("rm", "-rf", work.toString());
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    private static Result asIntruder(String... command) throws Exception {
        List<String> all = new ArrayList<>(List.of("runuser", "-u", INTRUDER, "--"));
        all.addAll(List.of(command));
        return sh(all.toArray(String[]::new));
    }

    @Test
    void anotherLocalUserCanNeitherConnectToNorReadARunningNode() throws Exception {
        Path data = work.resolve("data");
        int daemonPort = TestPassGate.freePort();
        int managementPort = TestPassGate.freePort();
        Map<String, String> env = ServeProcess.environment(work, daemonPort, managementPort);
        try (ServeProcess serve = ServeProcess.start(work, env, "serve", "--data", data.toString())) {
            serve.await("PassGate started", 90);

            // Listening: the daemon, the management port and the operator API, nothing for the store.
            int adminPort = new ObjectMapper().readTree(Files.readString(data.resolve(AdminHttpApi.CREDENTIAL_FILE)))
                    .get("port").asInt();
            assertEquals(Set.of(daemonPort, managementPort, adminPort), listeningPorts(serve.process.pid()));

            // Modes: the folder 0700, every file in it 0600.
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
            try (Stream<Path> files = Files.list(data)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
                }
            }
            assertTrue(Files.exists(data.resolve(EmbeddedStore.CREDENTIAL_FILE)));

            // As the intruder: no listing, no reading, no opening the database, no operator API without the token.
            assertNotEquals(0, asIntruder("ls", data.toString()).exitCode);
            for (String name : List.of("passgate.mv.db", EmbeddedStore.CREDENTIAL_FILE, AdminHttpApi.CREDENTIAL_FILE)) {
                Result read = asIntruder("cat", data.resolve(name).toString());
                assertNotEquals(0, read.exitCode, name);
                assertTrue(read.output.contains("Permission denied"), read.exitCode + ": " + read.output);
            }
            Path h2 = work.resolve("h2.jar");
            Files.copy(Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()), h2);
            Files.setPosixFilePermissions(h2, PosixFilePermissions.fromString("rw-r--r--"));
            for (String password : List.of("sa", "")) {
                Result open = asIntruder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        h2.toString(), "org.h2.tools.Shell", "-url", "jdbc:h2:file:" + data.resolve("passgate")
                                + ";IFEXISTS=TRUE", "-user", "sa", "-password", password, "-sql",
                        "SELECT COUNT(*) FROM sec_user");
                assertNotEquals(0, open.exitCode, open.output);
            }
            String body = "{\"command\":\"LISTUSER PGADMIN\"}";
            Result api = asIntruder("bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + adminPort + " && printf 'POST /commands"
                    + " HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: " + body.length() + "\\r\\n\\r\\n" + body + "' >&3"
                    + " && head -1 <&3");
            assertTrue(api.output.contains(" 401 "), api.output);

            serve.signal("TERM");
            assertTrue(serve.process.waitFor(30, TimeUnit.SECONDS));
        }
    }

    /** The TCP ports the process listens on, from /proc: its socket inodes matched against the listening sockets. */
    private static Set<Integer> listeningPorts(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed while we looked
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table)); // once: the table changes as sockets come and go
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A: LISTEN
                    ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
