package dev.passgate.session;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Request step: parse the line; split {@code miner.verb} ops into miner and verb. */
public class ParseSessionRequestProcessor implements Processor {

    private final JsonLines lines;

    public ParseSessionRequestProcessor(JsonLines lines) {
        this.lines = lines;
    }

    @Override
    public void process(Exchange exchange) {
        Request r = lines.parse(exchange.getMessage().getBody(String.class));
        exchange.setProperty(SessionKeys.REQUEST, r);
        int dot = r.op().indexOf('.');
        if (dot > 0) {
            String miner = r.op().substring(0, dot);
            if (!miner.matches("[a-z][a-z0-9-]*")) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "unknown op " + r.op());
            }
            exchange.setProperty(SessionKeys.MINER, miner);
            exchange.setProperty(SessionKeys.VERB, r.op().substring(dot + 1));
        }
    }
}
