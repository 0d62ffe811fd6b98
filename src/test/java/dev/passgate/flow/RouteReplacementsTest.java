package dev.passgate.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** A route that takes a built-in route's id replaces it, and start-up says which file did. */
class RouteReplacementsTest {

    private static String route(String id, String from) {
        return "- route:\n    id: " + id + "\n    from:\n      uri: " + from + "\n      steps:\n        - log: x\n";
    }

    @Test
    void aRouteWithABuiltInIdIsReportedWithBothFiles() throws Exception {
        try (var context = new DefaultCamelContext()) {
            var loader = PluginHelper.getRoutesLoader(context);
            loader.loadRoutes(ResourceHelper.fromString("builtin.camel.yaml", route("daemon-logon", "direct:a")
                    + route("session-connect", "direct:b")));
            RouteReplacements replacements = RouteReplacements.watch(context);
            loader.loadRoutes(ResourceHelper.fromString("mine.camel.yaml", route("daemon-logon", "direct:c")
                    + route("my-own", "direct:d")));
            List<String> lines = replacements.report(context.getCamelContextExtension().getContextPlugin(Model.class));
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("route daemon-logon from mine.camel.yaml replaces the built-in one"
                    + " (builtin.camel.yaml)"), lines.get(0));
        }
    }
}
