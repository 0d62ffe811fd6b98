package dev.passgate.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Request step after a miner: the miner left its reply fields as the body (a Map, a JSON
 * object text, or nothing); this writes the success reply around them.
 */
public class MinerReplyProcessor implements Step {

    private final JsonLines lines;
    private final ObjectMapper mapper = new ObjectMapper();

    public MinerReplyProcessor(JsonLines lines) {
        this.lines = lines;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(SessionKeys.REQUEST_KEY);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) throws Exception {
        Object body = exchange.getMessage().getBody();
        Map<String, Object> fields;
        if (body == null) {
            fields = Map.of();
        } else if (body instanceof Map<?, ?> m) {
            fields = (Map<String, Object>) m;
        } else if (body instanceof String s && s.trim().startsWith("{")) {
            fields = mapper.readValue(s, Map.class);
        } else {
            throw new ProtocolException(ErrorCode.SERVER_ERROR, "the miner gave no reply fields");
        }
        exchange.getMessage().setBody(lines.ok(SessionKeys.REQUEST_KEY.get(exchange).id(), fields));
    }
}
