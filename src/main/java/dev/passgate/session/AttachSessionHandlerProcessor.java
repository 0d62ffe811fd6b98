package dev.passgate.session;

import static dev.passgate.session.SessionKeys.CHANNEL_KEY;
import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.JsonLines;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Connect step: from the next line on, the connection's lines go to the session's requests
 * ({@link SessionHandler} on the session's serial executor), and its close ends the session.
 */
public class AttachSessionHandlerProcessor implements Step {

    private final ProducerTemplate template;
    private final JsonLines lines;
    private final SessionStore store;

    public AttachSessionHandlerProcessor(ProducerTemplate template, JsonLines lines, SessionStore store) {
        this.template = template;
        this.lines = lines;
        this.store = store;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(SESSION_KEY, CHANNEL_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        CHANNEL_KEY.get(exchange).pipeline().addLast("session",
                new SessionHandler(SESSION_KEY.get(exchange), template, lines, store::sync));
    }
}
