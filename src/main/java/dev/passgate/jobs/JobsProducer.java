package dev.passgate.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passgate.protocol.Request;
import dev.passgate.session.SessionKeys;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultProducer;

/** Runs a jobs: step against the job the exchange belongs to; every step first checks that the job may go on. */
final class JobsProducer extends DefaultProducer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobsEndpoint endpoint;
    private ProducerTemplate template;

    JobsProducer(JobsEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        template = getEndpoint().getCamelContext().createProducerTemplate();
    }

    @Override
    protected void doStop() throws Exception {
        if (template != null) {
            template.stop();
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        if (run == null) {
            throw new IllegalStateException("jobs:" + endpoint.getOperation().name().toLowerCase(java.util.Locale.ROOT)
                    + " works only inside a job's workflow");
        }
        run.checkRunning();
        if (endpoint.getOperation() == JobsEndpoint.Operation.OUTPUT) {
            String body = exchange.getMessage().getBody(String.class);
            run.output(body == null ? "" : body);
            return;
        }
        miner(exchange, run);
    }

    /** From the named headers, else the body (a Map, or a JSON object's text). */
    private ObjectNode fields(Exchange exchange) throws Exception {
        if (endpoint.getFields() != null) {
            ObjectNode fields = JSON.createObjectNode();
            for (String name : endpoint.getFields().split(",")) {
                String value = exchange.getMessage().getHeader(name.trim(), String.class);
                if (value != null) {
                    fields.put(name.trim(), value);
                }
            }
            return fields;
        }
        Object body = exchange.getMessage().getBody();
        if (body instanceof Map<?, ?> m) {
            return JSON.valueToTree(m);
        }
        if (body == null) {
            return JSON.createObjectNode();
        }
        if (JSON.readTree(exchange.getMessage().getBody(String.class)) instanceof ObjectNode o) {
            return o;
        }
        throw new IllegalArgumentException("jobs:miner needs a JSON object or a Map as the body, or fields=");
    }

    /** The request a session would send, with the owner's environment instead of a session's miner environment. */
    private void miner(Exchange exchange, JobRun run) throws Exception {
        String op = endpoint.getOp();
        ObjectNode fields = fields(exchange);
        fields.put("op", op);
        int dot = op.indexOf('.');
        Exchange call = exchange.copy();
        call.setProperty(SessionKeys.REQUEST, new Request(op, null, fields));
        call.setProperty(SessionKeys.MINER, op.substring(0, dot));
        call.setProperty(SessionKeys.VERB, op.substring(dot + 1));
        call.setProperty(SessionKeys.SESSION, run.submitter());
        call.setProperty(SessionKeys.MINER_ENVIRONMENT, run.environment());
        Exchange done = template.send("direct:miner-" + op.substring(0, dot), call);
        // The miners' routes turn a miner's error into an error reply: here it fails the step.
        Exception failed = done.getException() != null ? done.getException()
                : done.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failed != null) {
            throw failed;
        }
        exchange.getMessage().setBody(done.getMessage().getBody());
    }
}
