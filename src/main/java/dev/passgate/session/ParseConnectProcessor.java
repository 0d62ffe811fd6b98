package dev.passgate.session;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Connect step: the first line on a server port must be {@code {"op":"connect","clientId":...}}. */
public class ParseConnectProcessor implements Processor {

    private final JsonLines lines;

    public ParseConnectProcessor(JsonLines lines) {
        this.lines = lines;
    }

    @Override
    public void process(Exchange exchange) {
        Request r = lines.parse(exchange.getMessage().getBody(String.class));
        exchange.setProperty(SessionKeys.REQUEST, r);
        if (!r.op().equals("connect")) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "the first request on a server port is op connect");
        }
        r.requiredText("clientId");
    }
}
