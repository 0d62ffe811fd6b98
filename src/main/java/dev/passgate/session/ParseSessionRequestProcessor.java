package dev.passgate.session;

import static dev.passgate.session.SessionKeys.MINER_KEY;
import static dev.passgate.session.SessionKeys.OP_KEY;
import static dev.passgate.session.SessionKeys.REQUEST_KEY;
import static dev.passgate.session.SessionKeys.VERB_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/** Request step: parse the line; split {@code miner.verb} ops into miner and verb (absent for whoami, logout). */
public class ParseSessionRequestProcessor implements Step {

    private static final Pattern MINER_NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final JsonLines lines;

    public ParseSessionRequestProcessor(JsonLines lines) {
        this.lines = lines;
    }

    @Override
    public StepContract contract() {
        return StepContract.writes(REQUEST_KEY, OP_KEY, MINER_KEY, VERB_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        Request r = lines.parse(exchange.getMessage().getBody(String.class));
        REQUEST_KEY.set(exchange, r);
        OP_KEY.set(exchange, r.op());
        int dot = r.op().indexOf('.');
        if (dot > 0) {
            String miner = r.op().substring(0, dot);
            if (!MINER_NAME.matcher(miner).matches()) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "unknown op " + r.op());
            }
            MINER_KEY.set(exchange, miner);
            VERB_KEY.set(exchange, r.op().substring(dot + 1));
        }
    }
}
