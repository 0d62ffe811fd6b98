package dev.passgate.camel;

import java.util.Locale;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One {@code passticket:} operation with its options; produce-only. */
public class PassTicketEndpoint extends DefaultEndpoint {

    public enum Operation {
        GENERATE, EVALUATE;

        static Operation parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("passticket: operation must be generate or evaluate, not '" + text + "'");
            }
        }
    }

    private final Operation operation;
    private String applid;
    private String userHeader;
    private String ticketHeader;
    private boolean failOnInvalid;

    PassTicketEndpoint(String uri, PassTicketComponent component, Operation operation) {
        super(uri, component);
        this.operation = operation;
    }

    @Override
    public Producer createProducer() {
        return new PassTicketProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("passticket: endpoints can only be sent to (to: passticket:generate...)");
    }

    public Operation getOperation() {
        return operation;
    }

    public String getApplid() {
        return applid;
    }

    public void setApplid(String applid) {
        this.applid = applid;
    }

    public String getUserHeader() {
        return userHeader;
    }

    public void setUserHeader(String userHeader) {
        this.userHeader = userHeader;
    }

    public String getTicketHeader() {
        return ticketHeader;
    }

    public void setTicketHeader(String ticketHeader) {
        this.ticketHeader = ticketHeader;
    }

    public boolean isFailOnInvalid() {
        return failOnInvalid;
    }

    public void setFailOnInvalid(boolean failOnInvalid) {
        this.failOnInvalid = failOnInvalid;
    }
}
