package dev.passgate.camel;

import dev.passgate.passticket.Evaluation;
import dev.passgate.passticket.GeneratedTicket;
import dev.passgate.passticket.PassTicketEvaluator;
import dev.passgate.passticket.PassTicketGenerator;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Generates or evaluates one ticket per exchange, through headers. The engine is resolved when
 * the producer starts, so a missing PassGate shows when the route starts, not on the first logon.
 */
class PassTicketProducer extends DefaultProducer {

    private final PassTicketEndpoint endpoint;
    private PassTicketGenerator generator;
    private PassTicketEvaluator evaluator;

    PassTicketProducer(PassTicketEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (endpoint.getOperation() == PassTicketEndpoint.Operation.GENERATE) {
            generator = endpoint.getComponent().resolveGenerator();
        } else {
            evaluator = endpoint.getComponent().resolveEvaluator();
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String user = required(in, endpoint.getUserHeader(), "user ID");
        String applid = in.getHeader(PassTicketHeaders.APPLID, endpoint.getApplid(), String.class);
        if (applid == null) {
            throw new IllegalArgumentException("passticket: no APPLID (set applid= on the endpoint or header "
                    + PassTicketHeaders.APPLID + ")");
        }
        if (endpoint.getOperation() == PassTicketEndpoint.Operation.GENERATE) {
            GeneratedTicket t = generator.generate(user, applid);
            in.setHeader(endpoint.getTicketHeader(), t.ticket());
            in.setHeader(PassTicketHeaders.TYPE, t.type().name());
            in.setHeader(PassTicketHeaders.TIME, t.generatedAt());
            return;
        }
        String ticket = required(in, endpoint.getTicketHeader(), "PassTicket");
        String group = in.getHeader(PassTicketHeaders.GROUP, String.class);
        Evaluation e = evaluator.evaluate(user, group, applid, ticket);
        // The ticket has done its job; keep it out of anything that logs headers later.
        in.removeHeader(endpoint.getTicketHeader());
        in.setHeader(PassTicketHeaders.OUTCOME, e.outcome().name());
        if (e.valid()) {
            in.setHeader(PassTicketHeaders.TYPE, e.type().name());
            in.setHeader(PassTicketHeaders.TIME, e.generationTime());
        } else if (endpoint.isFailOnInvalid()) {
            throw new PassTicketRejectedException(e);
        }
    }

    private static String required(Message in, String header, String what) {
        String value = in.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("passticket: header " + header + " with the " + what + " is missing");
        }
        return value;
    }
}
