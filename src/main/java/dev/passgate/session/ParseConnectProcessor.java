package dev.passgate.session;

import static dev.passgate.session.SessionKeys.REQUEST_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import org.apache.camel.Exchange;

/** Connect step: the first line on a server port must be {@code {"op":"connect","clientId":...}}. */
public class ParseConnectProcessor implements Step {

    private final JsonLines lines;

    public ParseConnectProcessor(JsonLines lines) {
        this.lines = lines;
    }

    @Override
    public StepContract contract() {
        return StepContract.writes(REQUEST_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        Request r = lines.parse(exchange.getMessage().getBody(String.class));
        REQUEST_KEY.set(exchange, r);
        if (!r.op().equals("connect")) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "the first request on a server port is op connect");
        }
        r.requiredText("clientId");
    }
}
