package dev.passgate.camel;

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
 * Generate and evaluate RACF-compatible PassTickets with the application keys PassGate holds.
 *
 * <p>The annotations are the component's documentation for tooling (Karavan, the IDE plugins,
 * Camel JBang): the build turns them into the component's JSON and its configurers.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "passticket", title = "PassTicket", syntax = "passticket:operation",
        producerOnly = true, remote = false, category = Category.SECURITY, headersClass = PassTicketHeaders.class)
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

    @UriPath(enums = "generate,evaluate", description = "generate makes a ticket for the user and application;"
            + " evaluate checks one, once (a second use is refused as a replay).")
    @Metadata(required = true)
    private final Operation operation;

    @UriParam(description = "The application (APPLID) whose PTKTDATA keys make or check the ticket. The header"
            + " PassGateApplid overrides it; one of the two is needed.")
    private String applid;

    @UriParam(defaultValue = PassTicketHeaders.USER, description = "The header that holds the user ID the ticket is for.")
    private String userHeader = PassTicketHeaders.USER;

    @UriParam(defaultValue = PassTicketHeaders.PASSTICKET, description = "The header generate puts the ticket in, and"
            + " evaluate reads it from (and removes it from afterwards, so that nothing logs it later).")
    private String ticketHeader = PassTicketHeaders.PASSTICKET;

    @UriParam(defaultValue = "true", description = "Evaluate only. true: a refused ticket throws"
            + " PassTicketRejectedException; false: the header PassGatePassTicketOutcome says why and routing goes on.")
    private boolean failOnInvalid = true;

    PassTicketEndpoint(String uri, PassTicketComponent component, Operation operation) {
        super(uri, component);
        this.operation = operation;
    }

    @Override
    public PassTicketComponent getComponent() {
        return (PassTicketComponent) super.getComponent();
    }

    @Override
    public boolean isRemote() {
        return false;
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
