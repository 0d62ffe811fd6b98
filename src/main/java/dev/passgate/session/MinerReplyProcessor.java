package dev.passgate.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.protocol.Request;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Request step after a miner: the miner left its reply fields as the body (a Map, a JSON
 * object text, or nothing); this writes the success reply around them.
 */
public class MinerReplyProcessor implements Processor {

    private final JsonLines lines;
    private final ObjectMapper mapper = new ObjectMapper();

    public MinerReplyProcessor(JsonLines lines) {
        this.lines = lines;
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
        exchange.getMessage().setBody(lines.ok(exchange.getProperty(SessionKeys.REQUEST, Request.class).id(), fields));
    }
}
