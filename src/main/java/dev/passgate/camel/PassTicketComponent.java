package dev.passgate.camel;

import dev.passgate.passticket.PassTicketEvaluator;
import dev.passgate.passticket.PassTicketGenerator;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code passticket:generate?applid=CICSPROD} and {@code passticket:evaluate?applid=FEKAPPL};
 * the options are described on {@link PassTicketEndpoint}.
 *
 * <p>The generator and evaluator are autowired from the registry when PassGate installs the
 * component; a producer that still finds none looks them up under the names PassGate binds them
 * by, once, when it starts, so no exchange pays for a registry search.
 */
@org.apache.camel.spi.annotations.Component("passticket")
public class PassTicketComponent extends DefaultComponent {

    /** The registry names {@code PassGate.install} binds the engine under. */
    static final String GENERATOR_BEAN = "passTicketGenerator";
    static final String EVALUATOR_BEAN = "passTicketEvaluator";

    @Metadata(label = "advanced", autowired = true,
            description = "The PassTicket generator, with the keys of the applications PassGate knows. By default the one"
                    + " PassGate binds in the registry as passTicketGenerator.")
    private volatile PassTicketGenerator generator;

    @Metadata(label = "advanced", autowired = true,
            description = "The PassTicket evaluator, with its replay store. By default the one PassGate binds in the"
                    + " registry as passTicketEvaluator.")
    private volatile PassTicketEvaluator evaluator;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        PassTicketEndpoint endpoint = new PassTicketEndpoint(uri, this, PassTicketEndpoint.Operation.parse(remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public PassTicketGenerator getGenerator() {
        return generator;
    }

    public void setGenerator(PassTicketGenerator generator) {
        this.generator = generator;
    }

    public PassTicketEvaluator getEvaluator() {
        return evaluator;
    }

    public void setEvaluator(PassTicketEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The configured generator, else PassGate's from the registry; remembered once found. */
    PassTicketGenerator resolveGenerator() {
        if (generator == null) {
            generator = fromRegistry(GENERATOR_BEAN, PassTicketGenerator.class);
        }
        return generator;
    }

    /** The configured evaluator, else PassGate's from the registry; remembered once found. */
    PassTicketEvaluator resolveEvaluator() {
        if (evaluator == null) {
            evaluator = fromRegistry(EVALUATOR_BEAN, PassTicketEvaluator.class);
        }
        return evaluator;
    }

    private <T> T fromRegistry(String name, Class<T> type) {
        var registry = getCamelContext().getRegistry();
        T found = registry.lookupByNameAndType(name, type);
        if (found == null) {
            found = registry.findSingleByType(type);
        }
        if (found == null) {
            throw new IllegalStateException("passticket: no " + type.getSimpleName()
                    + " in the registry; install PassGate into the CamelContext first (PassGate.install)");
        }
        return found;
    }
}
