package dev.passgate.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.protocol.ErrorCode;

/** One reply line of the protocol, with the checks a test makes on it. */
public record Reply(JsonNode json) {

    /** Whether the request succeeded ({@code "ok":true}). */
    public boolean ok() {
        return json.path("ok").asBoolean();
    }

    /** "OK" for a success, else the error code ({@code docs/protocol.md} lists them). */
    public String code() {
        return ok() ? "OK" : json.at("/error/code").asText();
    }

    /** A field of the reply as text ("" when absent). */
    public String text(String field) {
        return json.path(field).asText();
    }

    /** @throws AssertionError when the request failed; the reply otherwise */
    public Reply assertOk() {
        if (!ok()) {
            throw new AssertionError("expected success, got " + json);
        }
        return this;
    }

    /** @throws AssertionError unless the request failed with this code */
    public Reply assertError(ErrorCode expected) {
        if (!expected.name().equals(code())) {
            throw new AssertionError("expected " + expected + ", got " + json);
        }
        return this;
    }

    /** @throws AssertionError unless the field has this text */
    public Reply assertField(String field, String expected) {
        if (!expected.equals(text(field))) {
            throw new AssertionError("expected " + field + "=" + expected + " in " + json);
        }
        return this;
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
