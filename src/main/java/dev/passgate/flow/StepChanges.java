package dev.passgate.flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.ModelLifecycleStrategySupport;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Weaves the integrator's {@link StepChange} routes into the routes they change, when the context
 * initialises, after every route file has been loaded and before the contract check and the
 * routes' start. A change route leaves the model: what runs is the changed route itself, so a
 * step added before {@code logon-authenticate} sees the logon's exchange as that step does, and
 * a dropped step that a later one needs stops start-up with the contract check's message.
 *
 * <p>Changes are applied in file order, replacements and drops first, so that a before or after
 * change of the same step lands around its replacement.
 */
public final class StepChanges {

    private static final Logger LOG = LoggerFactory.getLogger(StepChanges.class);

    private StepChanges() {
    }

    /** Applies the changes when the context initialises; a change loaded later (live reload) is refused. */
    public static void install(CamelContext context) {
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextInitializing(CamelContext c) {
                apply(model(c));
            }
        });
        model(context).addModelLifecycleStrategy(new ModelLifecycleStrategySupport() {
            @Override
            public void onAddRouteDefinition(RouteDefinition route) {
                if (context.getStatus().isStarted() && changeOf(route).isPresent()) {
                    throw new IllegalStateException(where(route) + ": step changes (" + changeOf(route).get().uri()
                            + ") take effect when PassGate starts; restart it to apply this one");
                }
            }
        });
    }

    private static Model model(CamelContext context) {
        return context.getCamelContextExtension().getContextPlugin(Model.class);
    }

    /** Weaves every change route of the model into its target and removes it; returns what was done, a line each. */
    static List<String> apply(Model model) {
        List<RouteDefinition> changes = new ArrayList<>();
        for (RouteDefinition r : model.getRouteDefinitions()) {
            if (changeOf(r).isPresent()) {
                changes.add(r);
            }
        }
        changes.sort(Comparator.comparing((RouteDefinition r) -> {
            StepChange.Kind k = changeOf(r).get().kind();
            return k == StepChange.Kind.REPLACE || k == StepChange.Kind.DROP ? 0 : 1;
        }));
        List<String> done = new ArrayList<>();
        for (RouteDefinition change : changes) {
            try {
                model.removeRouteDefinition(change);
            } catch (Exception e) {
                throw new IllegalStateException("cannot take the step change " + where(change) + " out of the routes", e);
            }
        }
        for (RouteDefinition change : changes) {
            StepChange c = changeOf(change).get();
            Place place = find(model.getRouteDefinitions(), c.stepId()).orElseThrow(() -> new IllegalStateException(
                    where(change) + ": " + c.uri() + " names no step of the loaded routes (the README's \"Built-in"
                            + " routes\" lists the step ids)"));
            weave(c, change.getOutputs(), place);
            String line = "route " + place.route.getRouteId() + ": step " + c.stepId() + " " + describe(c)
                    + " by " + where(change);
            LOG.info("{}", line);
            done.add(line);
        }
        return done;
    }

    private static String describe(StepChange c) {
        return switch (c.kind()) {
            case BEFORE -> "has steps added before it";
            case AFTER -> "has steps added after it";
            case REPLACE -> "is replaced";
            case DROP -> "is dropped";
        };
    }

    private static void weave(StepChange c, List<ProcessorDefinition<?>> steps, Place place) {
        if (c.kind() == StepChange.Kind.DROP && !steps.isEmpty()) {
            throw new IllegalStateException(c.uri() + " drops the step; a drop has no steps of its own (use"
                    + " passgate:replace:" + c.stepId() + " to put others in its place)");
        }
        if (c.kind() != StepChange.Kind.DROP && steps.isEmpty()) {
            throw new IllegalStateException(c.uri() + " has no steps (to remove the step, use passgate:drop:"
                    + c.stepId() + ")");
        }
        List<ProcessorDefinition<?>> outputs = place.outputs;
        int at = outputs.indexOf(place.step);
        List<ProcessorDefinition<?>> moved = new ArrayList<>(steps);
        moved.forEach(s -> s.setParent(place.step.getParent()));
        switch (c.kind()) {
            case BEFORE -> outputs.addAll(at, moved);
            case AFTER -> outputs.addAll(at + 1, moved);
            case REPLACE, DROP -> {
                outputs.remove(at);
                outputs.addAll(at, moved);
            }
        }
    }

    /** A step, the list of outputs that holds it, and its route. */
    private record Place(RouteDefinition route, List<ProcessorDefinition<?>> outputs, ProcessorDefinition<?> step) {
    }

    private static Optional<Place> find(List<RouteDefinition> routes, String id) {
        for (RouteDefinition route : routes) {
            Optional<Place> p = find(route, route.getOutputs(), id);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<Place> find(RouteDefinition route, List<ProcessorDefinition<?>> outputs, String id) {
        for (ProcessorDefinition<?> step : outputs) {
            if (id.equals(step.getId())) {
                return Optional.of(new Place(route, outputs, step));
            }
            List<List<ProcessorDefinition<?>>> inner = new ArrayList<>();
            if (step instanceof ChoiceDefinition choice) {
                choice.getWhenClauses().forEach(w -> inner.add(w.getOutputs()));
                if (choice.getOtherwise() != null) {
                    inner.add(choice.getOtherwise().getOutputs());
                }
            } else {
                inner.add(step.getOutputs());
            }
            for (List<ProcessorDefinition<?>> o : inner) {
                Optional<Place> p = find(route, o, id);
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<StepChange> changeOf(RouteDefinition route) {
        return route.getInput() == null ? Optional.empty() : StepChange.of(route.getInput().getEndpointUri());
    }

    private static String where(RouteDefinition route) {
        String file = route.getResource() != null ? route.getResource().getLocation() : "a route";
        return file + " (" + route.getInput().getEndpointUri() + ")";
    }
}
