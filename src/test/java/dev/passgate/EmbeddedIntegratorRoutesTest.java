package dev.passgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.passgate.testkit.TestPassGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedded, as under serve, PassGate.install loads the integrator's routes from passgate.routes.dir. */
class EmbeddedIntegratorRoutesTest {

    @TempDir
    Path work;

    @Test
    void routesFromTheRoutesFolderRunInAnEmbeddingContext() throws Exception {
        Path routes = Files.createDirectories(work.resolve("routes"));
        Files.writeString(routes.resolve("greeting.camel.yaml"), """
                - route:
                    id: integrator-greeting
                    from:
                      uri: direct:greeting
                      steps:
                        - setBody:
                            simple: "hello ${body}"
                """);
        Files.writeString(routes.resolve("notes.txt"), "not a route");
        try (CamelContext context = new DefaultCamelContext()) {
            TestPassGate.install(context, work.resolve("data"), Map.of("passgate.routes.dir", routes.toString()));
            context.start();
            assertEquals("hello joe", context.createProducerTemplate().requestBody("direct:greeting", "joe", String.class));
        }
    }

    @Test
    void aMissingRoutesFolderIsNotCreated() throws Exception {
        Path routes = work.resolve("nowhere");
        try (CamelContext context = new DefaultCamelContext()) {
            TestPassGate.install(context, work.resolve("data"), Map.of("passgate.routes.dir", routes.toString()));
            context.start();
        }
        assertFalse(Files.exists(routes));
    }
}
