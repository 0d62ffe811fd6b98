package dev.passgate.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** Routes whose steps cannot get what they read do not start; the message names step and input. */
class StepContractCheckTest {

    static final FlowKey<String> USER = FlowKey.of("TestUser", String.class);

    /** Writes the user. */
    static final class Identify implements Step {
        @Override
        public StepContract contract() {
            return StepContract.writes(USER);
        }

        @Override
        public void process(Exchange exchange) {
            USER.set(exchange, "JOE");
        }
    }

    /** Reads the user. */
    static final class Greet implements Step {
        @Override
        public StepContract contract() {
            return StepContract.reads(USER);
        }

        @Override
        public void process(Exchange exchange) {
            exchange.getMessage().setBody(exchange.getMessage().getBody(String.class) + " hello " + USER.get(exchange));
        }
    }

    private static CamelContext context(String steps) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("identify", new Identify());
        context.getRegistry().bind("greet", new Greet());
        StepContractCheck.of(context).endpoint("direct:known", StepContract.writes(USER));
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("test.yaml", steps));
        return context;
    }

    private static String route(String from, String steps) {
        return "- route:\n    id: greeting\n    from:\n      uri: " + from + "\n      steps:\n" + steps;
    }

    private static final String IDENTIFY = "        - process:\n            id: step-identify\n            ref: identify\n";
    private static final String GREET = "        - process:\n            id: step-greet\n            ref: greet\n";

    private static String run(CamelContext context, String uri) {
        try (var template = context.createProducerTemplate()) {
            return template.requestBody(uri, "", String.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void stepsInContractOrderStartAndRun() throws Exception {
        try (CamelContext context = context(route("direct:in", IDENTIFY + GREET))) {
            context.start();
            assertEquals(" hello JOE", run(context, "direct:in"));
        }
    }

    @Test
    void removingTheStepThatWritesAnInputStopsStartNamingStepInputAndWriter() throws Exception {
        try (CamelContext context = context(route("direct:in", GREET))) {
            Exception e = assertThrows(Exception.class, context::start);
            String message = rootMessage(e);
            assertTrue(message.contains("route greeting: step step-greet (greet) needs TestUser"), message);
            assertTrue(message.contains("written by the step bean identify"), message);
        }
    }

    @Test
    void aStepMovedBeforeItsInputSaysWhichLaterStepWritesIt() throws Exception {
        try (CamelContext context = context(route("direct:in", GREET + IDENTIFY))) {
            String message = rootMessage(assertThrows(Exception.class, context::start));
            assertTrue(message.contains("step-identify (identify) writes it"), message);
        }
    }

    @Test
    void aStepInsertedBetweenTwoStepsRuns() throws Exception {
        String inserted = "        - setBody:\n            simple: \"${body} [inserted]\"\n";
        try (CamelContext context = context(route("direct:in", IDENTIFY + inserted + GREET))) {
            context.start();
            assertEquals(" [inserted] hello JOE", run(context, "direct:in"));
        }
    }

    @Test
    void aChoiceProvidesOnlyWhatEveryBranchWrites() throws Exception {
        String oneBranch = "        - choice:\n            when:\n              - simple: \"${body} == 'x'\"\n"
                + "                steps:\n                  - process:\n                      ref: identify\n";
        try (CamelContext context = context(route("direct:in", oneBranch + GREET))) {
            assertThrows(Exception.class, context::start);
        }
        String bothBranches = oneBranch + "            otherwise:\n              steps:\n"
                + "                - process:\n                    ref: identify\n";
        try (CamelContext context = context(route("direct:in", bothBranches + GREET))) {
            context.start();
            assertEquals(" hello JOE", run(context, "direct:in"));
        }
    }

    @Test
    void anEndpointThatProvidesTheInputFeedsTheFirstStep() throws Exception {
        try (CamelContext context = context(route("direct:known", GREET)
                + route("direct:in", "        - setProperty:\n            name: TestUser\n            constant: ANN\n"
                        + "        - to:\n            uri: direct:known\n").replace("id: greeting\n    from:\n      uri: direct:in",
                                "id: caller\n    from:\n      uri: direct:in"))) {
            context.start();
            assertEquals(" hello ANN", run(context, "direct:in"));
        }
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
