package dev.passgate.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says so when an integrator's route takes a built-in route's id. Camel keeps the route loaded
 * last under an id, so such a route replaces the built-in one; PassGate allows that, but never
 * silently: start-up logs which file replaced which route, since the copy no longer follows
 * PassGate's upgrades (a {@link StepChange} changes one step without copying the route).
 */
public final class RouteReplacements {

    private static final Logger LOG = LoggerFactory.getLogger(RouteReplacements.class);

    private final Map<String, String> builtIn;

    private RouteReplacements(Map<String, String> builtIn) {
        this.builtIn = builtIn;
    }

    /**
     * Remembers the routes loaded so far as the built-in ones (id and file) and reports, when the
     * context initialises, each that a later file replaced.
     */
    public static RouteReplacements watch(CamelContext context) {
        Map<String, String> ids = new TreeMap<>();
        for (RouteDefinition r : model(context).getRouteDefinitions()) {
            if (r.getRouteId() != null && r.getResource() != null) {
                ids.put(r.getRouteId(), r.getResource().getLocation());
            }
        }
        RouteReplacements replacements = new RouteReplacements(ids);
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextInitializing(CamelContext c) {
                replacements.report(model(c)).forEach(line -> LOG.warn("{}", line));
            }
        });
        return replacements;
    }

    /** One line per built-in route that another file's route replaced. */
    List<String> report(Model model) {
        List<String> lines = new ArrayList<>();
        builtIn.forEach((id, location) -> {
            RouteDefinition now = model.getRouteDefinition(id);
            if (now != null && now.getResource() != null && !location.equals(now.getResource().getLocation())) {
                lines.add("route " + id + " from " + now.getResource().getLocation() + " replaces the built-in one (" + location
                        + "); it will not follow PassGate's upgrades. To change one step instead, use a step change"
                        + " (passgate:before:, passgate:after:, passgate:replace: or passgate:drop:<step id>)");
            }
        });
        return lines;
    }

    /** The ids of the built-in routes, for checks that they run. */
    public java.util.Set<String> ids() {
        return builtIn.keySet();
    }

    private static Model model(CamelContext context) {
        return context.getCamelContextExtension().getContextPlugin(Model.class);
    }
}
