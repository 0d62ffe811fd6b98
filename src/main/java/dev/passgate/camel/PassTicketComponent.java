package dev.passgate.camel;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code passticket:generate?applid=CICSPROD} and {@code passticket:evaluate?applid=FEKAPPL}.
 *
 * <p>Options: {@code applid} (or header {@code PassGateApplid}), {@code userHeader}
 * (default {@code PassGateUser}), {@code ticketHeader} (default {@code PassGatePassTicket}),
 * and for evaluate {@code failOnInvalid} (default true: a refused ticket throws
 * {@link PassTicketRejectedException}; false: the outcome header says why and routing goes on).
 * The generator and evaluator are the ones PassGate bound in the registry.
 */
public class PassTicketComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        PassTicketEndpoint.Operation operation = PassTicketEndpoint.Operation.parse(remaining);
        PassTicketEndpoint endpoint = new PassTicketEndpoint(uri, this, operation);
        endpoint.setApplid(getAndRemoveParameter(parameters, "applid", String.class));
        endpoint.setUserHeader(getAndRemoveParameter(parameters, "userHeader", String.class, PassTicketHeaders.USER));
        endpoint.setTicketHeader(
                getAndRemoveParameter(parameters, "ticketHeader", String.class, PassTicketHeaders.PASSTICKET));
        endpoint.setFailOnInvalid(getAndRemoveParameter(parameters, "failOnInvalid", Boolean.class, Boolean.TRUE));
        return endpoint;
    }
}
