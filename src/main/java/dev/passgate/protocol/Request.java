package dev.passgate.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One parsed request line: its {@code op}, its {@code id} (echoed in the reply) and its fields.
 * Field accessors enforce types, so a mistyped field is a {@code BAD_REQUEST}, not a crash.
 */
public record Request(String op, JsonNode id, ObjectNode body) {

    public Optional<String> text(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "field " + field + " must be a string");
        }
        return Optional.of(v.textValue());
    }

    /**
     * A field's value as text for a route ({@code ${exchangeProperty.PassGateRequest.field('name')}}):
     * a string as it is, a number or true/false as written, null when the field is missing or null.
     */
    public String field(String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    public String requiredText(String field) {
        return text(field).orElseThrow(() -> new ProtocolException(ErrorCode.BAD_REQUEST, "field " + field + " is missing"));
    }

    public Optional<Integer> integer(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "field " + field + " must be a whole number");
        }
        return Optional.of(v.intValue());
    }

    public boolean flag(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "field " + field + " must be true or false");
        }
        return v.booleanValue();
    }

    /** Never prints field values: requests carry passwords and tickets. */
    @Override
    public String toString() {
        return "Request[op=" + op + ", id=" + id + ", fields=" + iterableNames() + "]";
    }

    private String iterableNames() {
        StringBuilder sb = new StringBuilder();
        body.fieldNames().forEachRemaining(n -> sb.append(sb.length() == 0 ? "" : ",").append(n));
        return sb.toString();
    }
}
