package dev.passgate;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** serve refuses Camel's reload mode that would take PassGate's own routes away. */
class RouteReloadSettingsTest {

    @Test
    void reloadThatRemovesEveryRouteIsRefusedBeforeAnythingIsInstalled() throws Exception {
        try (var context = new DefaultCamelContext()) {
            context.getPropertiesComponent().addInitialProperty("camel.main.routesReloadEnabled", "true");
            context.getPropertiesComponent().addInitialProperty("camel.main.routesReloadRemoveAllRoutes", "true");
            var config = new PassGateMainConfiguration(Path.of("absent.properties"), new PrintWriter(new StringWriter()));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> config.configure(context));
            assertTrue(e.getMessage().startsWith("camel.main.routesReloadRemoveAllRoutes=true would remove PassGate's"),
                    e.getMessage());
            assertTrue(context.getRoutes().isEmpty() && context.getRouteDefinitions().isEmpty(), "nothing was installed");
        }
    }
}
