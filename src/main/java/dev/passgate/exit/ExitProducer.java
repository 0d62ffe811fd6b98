package dev.passgate.exit;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs the endpoint's exit event for the exchange's subject and leaves the answer in
 * {@link ExitKeys#ANSWER}. The exits are resolved when the producer starts, so a node without
 * them shows when the route starts, not on the first logon.
 */
class ExitProducer extends DefaultProducer {

    private final ExitEndpoint endpoint;
    private LoginExits exits;

    ExitProducer(ExitEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        exits = endpoint.getComponent().resolveExits();
    }

    @Override
    public void process(Exchange exchange) {
        ExitSubject s = ExitKeys.SUBJECT.get(exchange);
        ExitResult answer = switch (endpoint.getCall()) {
            case NEW_SESSION -> exits.newSession(exchange, s.user(), s.address());
            case LOGIN -> exits.login(exchange, s.user(), s.address());
            case LOGOUT -> {
                exits.sessionEnded(s.user(), s.address(), s.reason());
                yield ExitResult.CONTINUE; // an exit cannot stop a logout
            }
        };
        ExitKeys.ANSWER.set(exchange, answer);
        if (answer.failed() && endpoint.isFailOnReject()) {
            String message = exchange.getProperty(ExitKeys.REFUSAL_MESSAGE, String.class);
            throw message == null ? new ExitRejectedException(answer) : new ExitRejectedException(answer, message);
        }
    }
}
