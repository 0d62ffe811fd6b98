package dev.passgate.support;

import dev.passgate.PassGate;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** Installs PassGate into a test's CamelContext with its own data folder, as an integrator would. */
public final class TestPassGate {

    /** Key of the spec's worked legacy example. */
    public static final String LEGACY_KEY = "E001193519561977";

    private TestPassGate() {
    }

    public static PassGate install(CamelContext context, Path dataDir, Map<String, String> settings) throws Exception {
        var properties = context.getPropertiesComponent();
        properties.addInitialProperty("passgate.data.dir", dataDir.toString());
        settings.forEach(properties::addInitialProperty);
        return PassGate.install(context);
    }

    /** Loads an integrator's route file from the test classpath. */
    public static void loadRoutes(CamelContext context, String location) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, location));
    }
}
