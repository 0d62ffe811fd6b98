package dev.passgate.camel;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code passticket:generate?applid=CICSPROD} and {@code passticket:evaluate?applid=FEKAPPL};
 * the options are described on {@link PassTicketEndpoint}. The generator and evaluator are the
 * ones PassGate bound in the registry.
 */
@org.apache.camel.spi.annotations.Component("passticket")
public class PassTicketComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        PassTicketEndpoint endpoint = new PassTicketEndpoint(uri, this, PassTicketEndpoint.Operation.parse(remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
