package dev.passgate.support;

import dev.passgate.testkit.TestPassGate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/passgate} run as an operator runs it, in a process of its own, with its
 * output read in the background so a test can wait for a line. For packaged-jar tests.
 */
public final class ServeProcess implements AutoCloseable {

    public static final Path SCRIPT = Path.of("bin/passgate").toAbsolutePath();

    public final Process process;
    private final Thread reader;
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final StringBuffer all = new StringBuffer();
    private final StringBuilder seen = new StringBuilder();

    private ServeProcess(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    all.append(line).append('\n');
                    queue.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code bin/passgate ARGS} in the folder, with the environment added; output and errors merged. */
    public static ServeProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PASSGATE_JOBS_PORT", "0"); // the job monitor's fixed port would clash between test runs
        pb.environment().putAll(env);
        return new ServeProcess(pb.start());
    }

    /** Runs {@code bin/passgate ARGS} to its end; its exit code and output. */
    public static Map.Entry<Integer, String> run(Path dir, Map<String, String> env, String... args) throws Exception {
        try (ServeProcess p = start(dir, env, args)) {
            assertTrue(p.process.waitFor(120, TimeUnit.SECONDS), "passgate " + String.join(" ", args) + " ends");
            p.reader.join(10_000); // its output is read to the end
            return Map.entry(p.process.exitValue(), p.output());
        }
    }

    /** The settings a test node needs: ports, a master key file outside the data folder, cheap hashing. */
    public static Map<String, String> environment(Path work, int daemonPort, int managementPort) {
        Map<String, String> env = new HashMap<>();
        env.put("PASSGATE_SECURITY_MASTER_KEY_FILE", work.resolve("master.key").toString());
        env.put("PASSGATE_SECURITY_PASSWORD_ITERATIONS", TestPassGate.TEST_ITERATIONS);
        env.put("PASSGATE_DAEMON_PORT", Integer.toString(daemonPort));
        env.put("PASSGATE_DAEMON_HOST", "127.0.0.1");
        env.put("PASSGATE_MANAGEMENT_PORT", Integer.toString(managementPort));
        return env;
    }

    public boolean saw(String prefix) {
        return seen.toString().lines().anyMatch(l -> l.startsWith(prefix));
    }

    /** Everything the process printed so far. */
    public String output() {
        return all.toString();
    }

    /** Waits for a line starting with the prefix; fails with the output seen so far. */
    public String await(String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = queue.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.append(line).append('\n');
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' within " + seconds + " s; output:\n" + all);
    }

    /** Sends a signal to the process itself (Process.destroy would also close our end of its output). */
    public void signal(String name) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor());
    }

    /** SIGTERM, as an operator stops it; waits for its end and its last output; its exit code. */
    public int stop(int seconds) throws Exception {
        signal("TERM");
        assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "passgate ends within " + seconds + " s after SIGTERM");
        reader.join(10_000);
        return process.exitValue();
    }

    /** kill -9, and waits until it is gone. */
    public void crash() throws Exception {
        signal("KILL");
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
