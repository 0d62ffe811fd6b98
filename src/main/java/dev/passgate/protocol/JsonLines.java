package dev.passgate.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wire format: one JSON object per line, with nothing but whitespace after it. Parses request lines and writes replies and
 * events, echoing the request's {@code id}. Lines returned carry no trailing newline;
 * the transport adds it.
 */
public final class JsonLines {

    /**
     * One mapper for every port: Jackson learns each type's serializer once per mapper, and a
     * handoff listener is made per logon.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final int maxLineBytes;

    /** @param maxLineBytes {@code passgate.protocol.max-line-bytes} */
    public JsonLines(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    public Request parse(String line) {
        if (line.getBytes(StandardCharsets.UTF_8).length > maxLineBytes) {
            throw new ProtocolException(ErrorCode.LINE_TOO_LONG, "a request line has at most " + maxLineBytes + " bytes");
        }
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        JsonNode node = readOne(text);
        if (node == null || !node.isObject()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "the request must be a JSON object");
        }
        ObjectNode body = (ObjectNode) node;
        JsonNode id = body.get("id");
        if (id != null && !id.isTextual() && !id.isNumber()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "id must be a string or a number");
        }
        JsonNode op = body.get("op");
        if (op == null || !op.isTextual() || op.textValue().isEmpty()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "field op is missing");
        }
        return new Request(op.textValue(), id, body);
    }

    /**
     * The one JSON value on the line, or null for a blank line. Anything but whitespace after
     * it is refused: nothing would read it, yet a client could believe it had been read.
     */
    private JsonNode readOne(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode node;
            try {
                node = MAPPER.readTree(parser);
            } catch (JsonProcessingException e) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "the request is not JSON");
            }
            if (node != null && !atEnd(parser)) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "one JSON object per line, and nothing after it");
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
    }

    private static boolean atEnd(JsonParser parser) throws IOException {
        try {
            return parser.nextToken() == null;
        } catch (JsonProcessingException garbage) {
            return false;
        }
    }

    /** The id of a line that could not be parsed as a request, when it has one; for error replies. */
    public JsonNode idOf(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            JsonNode id = node != null && node.isObject() ? node.get("id") : null;
            return id != null && (id.isTextual() || id.isNumber()) ? id : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    public String ok(JsonNode id, Map<String, ?> fields) {
        // written straight from a map: a tree of each field's value first would serialize it twice
        Map<String, Object> reply = new LinkedHashMap<>();
        if (id != null) {
            reply.put("id", id);
        }
        reply.put("ok", true);
        reply.putAll(fields);
        return write(reply);
    }

    public String error(JsonNode id, ErrorCode code, String message) {
        ObjectNode reply = MAPPER.createObjectNode();
        if (id != null) {
            reply.set("id", id);
        }
        reply.put("ok", false);
        ObjectNode error = reply.putObject("error");
        error.put("code", code.name());
        error.put("message", message == null ? code.defaultMessage() : message);
        return write(reply);
    }

    public String error(JsonNode id, ProtocolException e) {
        return error(id, e.code(), e.getMessage());
    }

    public String event(String name, Map<String, ?> fields) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", name);
        event.putAll(fields);
        return write(event);
    }

    private String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a reply", e);
        }
    }
}
