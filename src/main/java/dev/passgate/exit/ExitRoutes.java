package dev.passgate.exit;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * The built-in exit routes and the rule by which they step aside. Made from one route template
 * ({@code passgate/routes/exits/exit-routes.camel.yaml}) when the context initialises, after every route
 * has been loaded: a built-in {@code direct:exit-<event>} route is left out when a loaded route
 * already consumes that endpoint, since two consumers of one direct endpoint would fail start-up.
 * The decision reads Camel's model (each route definition's input), so that neither a file's
 * formatting nor its comments can change it, and YAML, XML and Java routes count alike.
 */
public final class ExitRoutes {

    public static final String LOCATION = "classpath:passgate/routes/exits/exit-routes.camel.yaml";
    public static final String TEMPLATE = "passgate-exit";

    private ExitRoutes() {
    }

    /** Loads the template and its error configuration; the routes follow at initialisation. */
    static void install(CamelContext context, LoginExits exits) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, LOCATION));
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextInitializing(CamelContext c) {
                try {
                    exits.resolve(addBuiltIns(c));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("cannot add the built-in exit routes: " + e.getMessage(), e);
                }
            }
        });
    }

    /** Adds the built-in route of every event no loaded route consumes; returns the events integrator routes took. */
    static Set<ExitEventType> addBuiltIns(CamelContext context) throws Exception {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        Set<ExitEventType> claimed = claimed(context, model);
        for (ExitEventType event : ExitEventType.values()) {
            if (!claimed.contains(event)) {
                String id = model.addRouteFromTemplate(event.routeId(), TEMPLATE, Map.of("event", event.routeName()));
                model.getRouteDefinition(id).setStartupOrder(event.startupOrder());
            }
        }
        return claimed;
    }

    /** The exit events whose endpoints the loaded routes consume. */
    static Set<ExitEventType> claimed(CamelContext context, Model model) {
        Set<ExitEventType> claimed = EnumSet.noneOf(ExitEventType.class);
        for (RouteDefinition route : model.getRouteDefinitions()) {
            if (route.getInput() == null) {
                continue;
            }
            String uri = route.getInput().getEndpointUri();
            try {
                uri = context.resolvePropertyPlaceholders(uri);
            } catch (RuntimeException unresolved) {
                // left as written: Camel reports the placeholder when it builds the route
            }
            ExitEventType.consumedBy(uri).ifPresent(claimed::add);
        }
        return claimed;
    }
}
