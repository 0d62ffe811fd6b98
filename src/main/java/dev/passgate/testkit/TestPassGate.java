package dev.passgate.testkit;

import dev.passgate.PassGate;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** Installs PassGate into a test's CamelContext with its own data folder, as an integrator would. */
public final class TestPassGate {

    /** A fixed master key for tests only (it is public), so no test writes a key file into the working tree. */
    public static final String MASTER_KEY = "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";
    /** Cheap password hashing for tests; PassGate's own VerifierTest exercises the production default. */
    public static final String TEST_ITERATIONS = "1000";

    /** Key of the spec's worked legacy example. */
    public static final String LEGACY_KEY = "E001193519561977";

    private TestPassGate() {
    }

    public static PassGate install(CamelContext context, Path dataDir, Map<String, String> settings) throws Exception {
        return install(context, dataDir, settings, null);
    }

    /** As serve does it: integrator routes from a folder, whose exit routes replace the built-in ones. */
    public static PassGate install(CamelContext context, Path dataDir, Map<String, String> settings, Path routesDir)
            throws Exception {
        var properties = context.getPropertiesComponent();
        properties.addInitialProperty("passgate.data.dir", dataDir.toString());
        properties.addInitialProperty("passgate.security.master-key", MASTER_KEY);
        properties.addInitialProperty("passgate.security.password-iterations", TEST_ITERATIONS);
        properties.addInitialProperty("passgate.security.bootstrap-file", dataDir.resolve("no-bootstrap.racf").toString());
        properties.addInitialProperty("passgate.daemon.host", "127.0.0.1");
        properties.addInitialProperty("passgate.daemon.port", Integer.toString(freePort()));
        properties.addInitialProperty("passgate.jobs.port", "0"); // off unless a test asks for it
        properties.addInitialProperty("passgate.files.root", dataDir.resolve("files").toString());
        // PassGate loads integrator routes from this folder; none unless the test gives one.
        properties.addInitialProperty("passgate.routes.dir",
                (routesDir != null ? routesDir : dataDir.resolve("no-routes")).toString());
        settings.forEach(properties::addInitialProperty);
        return PassGate.install(context);
    }

    /**
     * A port nobody listens on right now, chosen below the system's ephemeral range
     * (32768 and up here) so that the connections and port-0 listeners of other tests
     * cannot take it between this check and the bind.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000, 30_000);
            try (java.net.ServerSocket s = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (java.io.IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port found between 10000 and 30000");
    }

    /** Loads an integrator's route file from the test classpath. */
    public static void loadRoutes(CamelContext context, String location) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, location));
    }
}
