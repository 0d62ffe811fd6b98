package dev.passgate.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Refuses to start a context whose routes leave a step without what it reads: removing or
 * reordering a step in YAML either works or stops start-up with a message naming the step and
 * the input it lacks, instead of failing on the first logon. Modules tell it what their
 * endpoints provide ({@link #endpoint}); steps state their own {@link StepContract}.
 */
public final class StepContractCheck extends ServiceSupport {

    /** The registry name it is bound under, so every module adds to the same one. */
    public static final String NAME = "passGateStepContracts";

    private final CamelContext context;
    private final Map<String, StepContract> endpoints = new ConcurrentHashMap<>();

    public StepContractCheck(CamelContext context) {
        this.context = context;
    }

    /** The one check of a context, made and added as a service on first use. */
    public static StepContractCheck of(CamelContext context) {
        StepContractCheck check = context.getRegistry().lookupByNameAndType(NAME, StepContractCheck.class);
        if (check == null) {
            check = new StepContractCheck(context);
            context.getRegistry().bind(NAME, check);
            try {
                context.addService(check, true, true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return check;
    }

    /**
     * Declares an endpoint's contract: for a {@code from}, what its consumer puts on the
     * exchange ({@code writes}); for a {@code to}, what the route it calls reads and writes.
     */
    public StepContractCheck endpoint(String uri, StepContract contract) {
        endpoints.put(uri, contract);
        return this;
    }

    /** Every problem of every route in the context, one sentence each. */
    public List<String> problems() {
        Map<String, Step> steps = context.getRegistry().findByTypeWithName(Step.class);
        RouteContracts contracts = new RouteContracts(name -> context.getRegistry().lookupByName(name), endpoints, steps);
        List<String> problems = new ArrayList<>();
        for (RouteDefinition route : ((ModelCamelContext) context).getRouteDefinitions()) {
            problems.addAll(contracts.problems(route));
        }
        return problems;
    }

    @Override
    protected void doStart() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The routes cannot run as they are: " + String.join("; ", problems));
        }
    }
}
