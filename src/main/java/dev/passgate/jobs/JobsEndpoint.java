package dev.passgate.jobs;

import java.util.Locale;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Steps of a PassGate job's workflow: spool an output line, or ask a miner as the job's owner.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "jobs", title = "PassGate Jobs", syntax = "jobs:operation",
        producerOnly = true, remote = false, category = Category.WORKFLOW, headersClass = JobsHeaders.class)
public class JobsEndpoint extends DefaultEndpoint {

    public enum Operation {
        OUTPUT, MINER;

        static Operation parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("jobs: operation must be output or miner, not '" + text + "'");
            }
        }
    }

    @UriPath(enums = "output,miner", description = "output spools the message body as the job's next output line"
            + " (a body with line breaks makes several lines); miner sends the body (a JSON object or a Map: the"
            + " request's fields) to a miner as the job's owner and leaves the miner's reply fields as the body.")
    @Metadata(required = true)
    private final Operation operation;

    @UriParam(description = "miner only: the operation, <miner>.<verb>, as a session request names it"
            + " (files.write, files.read, tickets.generate).")
    private String op;

    @UriParam(description = "miner only: the request's fields are these headers (comma-separated names, each"
            + " header's text the field's value) instead of the body.")
    private String fields;

    JobsEndpoint(String uri, JobsComponent component, Operation operation) {
        super(uri, component);
        this.operation = operation;
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    @Override
    public Producer createProducer() {
        if (operation == Operation.MINER && (op == null || !op.matches("[a-z0-9-]+\\.[a-z0-9-]+"))) {
            throw new IllegalArgumentException("jobs:miner needs op=<miner>.<verb>, as files.write");
        }
        return new JobsProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("jobs: endpoints can only be sent to (to: jobs:output)");
    }

    public Operation getOperation() {
        return operation;
    }

    public String getOp() {
        return op;
    }

    public void setOp(String op) {
        this.op = op;
    }

    public String getFields() {
        return fields;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }
}
