package dev.passgate.testkit;

import dev.passgate.PassGate;
import dev.passgate.security.racf.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PassGate node for a JUnit 5 test: started on a free daemon port (job monitor off) with a
 * temporary data folder, a test master key and cheap password hashing, with the integrator's
 * routes given; stopped and its folder deleted afterwards.
 *
 * <pre>
 * &#64;RegisterExtension
 * PassGateNode node = PassGateNode.builder().routes("src/main/routes").build();
 *
 * &#64;Test
 * void joeLogsOn() {
 *     node.racf("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
 *     node.client().session("joe", "Secret1").call("whoami").assertField("user", "JOE");
 *     node.audit().assertContains(AuditEvent.VERIFY, "JOE");
 * }
 * </pre>
 *
 * On an instance field the node runs for each test; on a static field once for the class.
 * Without JUnit, {@link #start()} and {@link #close()} do the same.
 */
public final class PassGateNode implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        AutoCloseable {

    private final Map<String, String> settings;
    private final List<Path> routeFolders;
    private final List<String> routeTexts;
    private Path work;
    private RunningPassGate running;
    private boolean perClass;

    private PassGateNode(Builder b) {
        this.settings = Map.copyOf(b.settings);
        this.routeFolders = List.copyOf(b.routeFolders);
        this.routeTexts = List.copyOf(b.routeTexts);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What a node is made of. */
    public static final class Builder {

        private final Map<String, String> settings = new LinkedHashMap<>();
        private final List<Path> routeFolders = new ArrayList<>();
        private final List<String> routeTexts = new ArrayList<>();

        private Builder() {
        }

        /** A PassGate or Camel setting ({@code passgate.exit.timeout}, {@code passgate.passticket.CICS.legacy-key}...). */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** Every route file ({@code .yaml}, {@code .yml}, {@code .xml}) of a folder, as serve loads {@code config/routes}. */
        public Builder routes(String folder) {
            return routes(Path.of(folder));
        }

        public Builder routes(Path folder) {
            routeFolders.add(folder);
            return this;
        }

        /** One YAML route file's text. */
        public Builder route(String yaml) {
            routeTexts.add(yaml);
            return this;
        }

        public PassGateNode build() {
            return new PassGateNode(this);
        }
    }

    /** Starts the node; a started node is left as it is. */
    public PassGateNode start() throws Exception {
        if (running != null) {
            return this;
        }
        work = Files.createTempDirectory("passgate-node");
        Path routes = Files.createDirectories(work.resolve("routes"));
        int n = 0;
        for (Path folder : routeFolders) {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("routes folder " + folder.toAbsolutePath() + " does not exist");
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    // Numbered so that the folders' files keep their order, as serve would load them.
                    Files.copy(file, routes.resolve(String.format("%03d-%s", n++, file.getFileName())));
                }
            }
        }
        for (String yaml : routeTexts) {
            Files.writeString(routes.resolve(String.format("%03d-route.camel.yaml", n++)), yaml);
        }
        try {
            running = new RunningPassGate(work.resolve("data"), settings, routes);
        } catch (Exception | Error e) {
            delete(work);
            throw e;
        }
        return this;
    }

    /** Stops the node and deletes its data folder. */
    @Override
    public void close() throws Exception {
        if (running != null) {
            try {
                running.close();
            } finally {
                running = null;
                delete(work);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext extension) throws Exception {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext extension) throws Exception {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext extension) throws Exception {
        start();
    }

    @Override
    public void afterEach(ExtensionContext extension) throws Exception {
        if (!perClass) {
            close();
        }
    }

    /**
     * Runs RACF commands as the administrator would ({@code ADDUSER}, {@code RDEFINE}, {@code PERMIT}...).
     *
     * @throws AssertionError naming the command and its reply when one is refused
     */
    public void racf(String... commands) {
        node().admin(commands);
    }

    /** One RACF or operator command's result, refused or not. */
    public CommandResult command(String command) {
        return node().passGate.security().commands().execute(command, "TEST");
    }

    /** A protocol client of this node's daemon. */
    public PassGateClient client() {
        return new PassGateClient(node().daemonPort);
    }

    /** This node's audit records. */
    public AuditTrail audit() {
        return new AuditTrail(node().passGate.security().audit());
    }

    public int daemonPort() {
        return node().daemonPort;
    }

    public CamelContext context() {
        return node().context;
    }

    public PassGate passGate() {
        return node().passGate;
    }

    /** The node's data folder (deleted when it stops). */
    public Path dataDir() {
        return node().passGate.settings().dataDir();
    }

    private RunningPassGate node() {
        if (running == null) {
            throw new IllegalStateException("the PassGate node is not started: register it with @RegisterExtension,"
                    + " or call start()");
        }
        return running;
    }

    private static void delete(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the node's folder " + folder, e);
        }
    }
}
