package dev.passgate.flow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.OutputNode;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.model.StepDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.model.WhenDefinition;

/**
 * Checks a route's steps against their contracts, walking the route as Camel loaded it (so
 * it does not matter whether it came from YAML, XML or Java, or how the file is laid out).
 *
 * <p>Along the route it keeps the set of keys written so far: a step whose reads are not all
 * in it is a problem. A {@code choice} leaves after it only what every branch wrote (a
 * missing {@code otherwise} is a branch that writes nothing); a {@code filter} or any other
 * block that may not run leaves nothing. Endpoints have contracts too: a route's {@code from}
 * writes what its consumer provides, and a {@code to} is a step (an exit route, a miner).
 */
public final class RouteContracts {

    private final Function<String, Object> beans;
    private final Map<String, StepContract> endpoints;
    private final Map<String, Step> knownSteps;

    /**
     * @param beans looks up a {@code process} step's bean by its registry name
     * @param endpoints contracts of endpoints by URI (without options), for {@code from} and {@code to}
     * @param knownSteps every step bean by name, to say which one would provide a missing key
     */
    public RouteContracts(Function<String, Object> beans, Map<String, StepContract> endpoints,
            Map<String, Step> knownSteps) {
        this.beans = beans;
        this.endpoints = endpoints;
        this.knownSteps = knownSteps;
    }

    /** What is wrong with the route, one sentence each; empty when every step gets what it reads. */
    public List<String> problems(RouteDefinition route) {
        List<String> problems = new ArrayList<>();
        Set<FlowKey<?>> available = new HashSet<>();
        if (route.getInput() != null) {
            contractOf(route.getInput().getEndpointUri()).ifPresent(c -> available.addAll(c.writes()));
        }
        walk(route.getRouteId(), route.getOutputs(), available, problems, writersIn(route.getOutputs(), new LinkedHashMap<>()));
        return problems;
    }

    private Set<FlowKey<?>> walk(String routeId, List<ProcessorDefinition<?>> outputs, Set<FlowKey<?>> available,
            List<String> problems, Map<FlowKey<?>, String> writers) {
        Set<FlowKey<?>> have = new HashSet<>(available);
        for (ProcessorDefinition<?> step : outputs) {
            if (step instanceof ChoiceDefinition choice) {
                Set<FlowKey<?>> common = null;
                for (WhenDefinition when : choice.getWhenClauses()) {
                    common = intersect(common, walk(routeId, when.getOutputs(), have, problems, writers));
                }
                common = intersect(common, choice.getOtherwise() == null ? have
                        : walk(routeId, choice.getOtherwise().getOutputs(), have, problems, writers));
                have = common;
                continue;
            }
            Optional<StepContract> contract = contractOf(step);
            if (contract.isPresent()) {
                for (FlowKey<?> key : contract.get().reads()) {
                    if (!have.contains(key)) {
                        problems.add("route " + routeId + ": step " + name(step) + " needs " + key
                                + ", which no step before it provides" + hint(key, writers));
                    }
                }
                have.addAll(contract.get().writes());
            } else if (step instanceof StepDefinition group) {
                have = walk(routeId, group.getOutputs(), have, problems, writers); // a step group runs in order
            } else if (step instanceof OutputNode && !step.getOutputs().isEmpty()) {
                walk(routeId, step.getOutputs(), have, problems, writers); // may not run: leaves nothing behind
            }
        }
        return have;
    }

    /** Every step of the route that writes something, at any depth, by the key it writes. */
    private Map<FlowKey<?>, String> writersIn(List<ProcessorDefinition<?>> outputs, Map<FlowKey<?>, String> found) {
        for (ProcessorDefinition<?> step : outputs) {
            contractOf(step).ifPresent(c -> c.writes().forEach(k -> found.putIfAbsent(k, name(step))));
            if (step instanceof ChoiceDefinition choice) {
                choice.getWhenClauses().forEach(w -> writersIn(w.getOutputs(), found));
                if (choice.getOtherwise() != null) {
                    writersIn(choice.getOtherwise().getOutputs(), found);
                }
            } else if (step instanceof OutputNode) {
                writersIn(step.getOutputs(), found);
            }
        }
        return found;
    }

    /** Where the key would come from: a later step of this route, or a step bean that is not in it. */
    private String hint(FlowKey<?> key, Map<FlowKey<?>, String> writersInRoute) {
        String later = writersInRoute.get(key);
        if (later != null) {
            return " (" + later + " writes it, but not on every path before this step)";
        }
        List<String> elsewhere = knownSteps.entrySet().stream().filter(e -> e.getValue().contract().writes().contains(key))
                .map(Map.Entry::getKey).sorted().toList();
        return elsewhere.isEmpty() ? "" : " (written by the step bean " + String.join(" or ", elsewhere)
                + ", which the route does not call)";
    }

    private static Set<FlowKey<?>> intersect(Set<FlowKey<?>> a, Set<FlowKey<?>> b) {
        if (a == null) {
            return new HashSet<>(b);
        }
        a.retainAll(b);
        return a;
    }

    private Optional<StepContract> contractOf(ProcessorDefinition<?> step) {
        if (step instanceof ProcessDefinition p && p.getRef() != null) {
            Object bean = beans.apply(p.getRef().startsWith("#") ? p.getRef().substring(1) : p.getRef());
            return bean instanceof Step s ? Optional.of(s.contract()) : Optional.empty();
        }
        if (step instanceof SendDefinition<?> send) {
            return contractOf(send.getUri());
        }
        if (step instanceof ToDynamicDefinition to) {
            return contractOf(to.getUri());
        }
        return Optional.empty();
    }

    private Optional<StepContract> contractOf(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        int options = uri.indexOf('?');
        return Optional.ofNullable(endpoints.get(options < 0 ? uri : uri.substring(0, options)));
    }

    private static String name(ProcessorDefinition<?> step) {
        String id = step.getId();
        String what = step instanceof ProcessDefinition p ? p.getRef()
                : step instanceof SendDefinition<?> s ? s.getUri()
                : step instanceof ToDynamicDefinition t ? t.getUri() : step.getShortName();
        return id != null ? id + " (" + what + ")" : what;
    }
}
