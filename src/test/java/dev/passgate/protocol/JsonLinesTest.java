package dev.passgate.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The wire format of docs/protocol.md: parsing requests, writing replies that echo the id. */
class JsonLinesTest {

    private final JsonLines lines = new JsonLines(256);

    @Test
    void aRequestKeepsItsOpIdAndFields() {
        Request r = lines.parse("{\"op\":\"logon\",\"id\":7,\"user\":\"ibmuser\",\"password\":\"secret\",\"port\":40555}\r");
        assertEquals("logon", r.op());
        assertEquals(7, r.id().intValue());
        assertEquals("ibmuser", r.requiredText("user"));
        assertEquals(40555, r.integer("port").orElseThrow());
        assertFalse(r.toString().contains("secret"), "a request never prints its values");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "\"text\"", "{}", "{\"op\":5}", "{\"op\":\"x\",\"id\":{}}", "{\"op\":\"\"}",
        "\u0000\u0001\u00ff"})
    void malformedRequestsAreBadRequests(String line) {
        assertEquals(ErrorCode.BAD_REQUEST, assertThrows(ProtocolException.class, () -> lines.parse(line)).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"op\":\"logon\"} garbage", "{\"op\":\"logon\"}{\"op\":\"x\"}", "{\"op\":\"logon\"} {}",
        "{\"op\":\"logon\"}]", "{\"op\":\"logon\"} 1", "{\"op\":\"logon\"}\u00a0", "{\"op\":\"logon\"} \"x\"\r"})
    void anythingButWhitespaceAfterTheObjectIsABadRequest(String line) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> lines.parse(line));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertEquals("one JSON object per line, and nothing after it", e.getMessage());
    }

    @Test
    void whitespaceAroundTheObjectIsFine() {
        assertEquals("logon", lines.parse(" \t{\"op\":\"logon\"} \t \r").op());
    }

    @Test
    void mistypedFieldsAreBadRequests() {
        Request r = lines.parse("{\"op\":\"logon\",\"user\":42,\"port\":\"x\",\"certificate\":\"yes\"}");
        assertEquals(ErrorCode.BAD_REQUEST, assertThrows(ProtocolException.class, () -> r.text("user")).code());
        assertEquals(ErrorCode.BAD_REQUEST, assertThrows(ProtocolException.class, () -> r.integer("port")).code());
        assertEquals(ErrorCode.BAD_REQUEST, assertThrows(ProtocolException.class, () -> r.flag("certificate")).code());
        assertEquals(ErrorCode.BAD_REQUEST, assertThrows(ProtocolException.class, () -> r.requiredText("password")).code());
    }

    @Test
    void aLineOverTheLimitIsTooLong() {
        String line = "{\"op\":\"logon\",\"user\":\"" + "x".repeat(300) + "\"}";
        assertEquals(ErrorCode.LINE_TOO_LONG, assertThrows(ProtocolException.class, () -> lines.parse(line)).code());
    }

    @Test
    void repliesEchoTheIdAndCarryTheCode() {
        Request r = lines.parse("{\"op\":\"whoami\",\"id\":\"a1\"}");
        assertEquals("{\"id\":\"a1\",\"ok\":true,\"user\":\"IBMUSER\"}", lines.ok(r.id(), Map.of("user", "IBMUSER")));
        assertEquals("{\"ok\":false,\"error\":{\"code\":\"AUTH_FAILED\",\"message\":\"" + ErrorCode.AUTH_FAILED.defaultMessage()
                + "\"}}", lines.error(null, new ProtocolException(ErrorCode.AUTH_FAILED)));
        assertEquals("{\"event\":\"timeout\"}", lines.event("timeout", Map.of()));
    }

    @Test
    void theIdOfAnUnparseableRequestIsStillEchoedWhenThereIsOne() {
        assertEquals(3, lines.idOf("{\"id\":3}").intValue());
        assertEquals(null, lines.idOf("garbage"));
        assertTrue(lines.error(lines.idOf("{\"id\":3}"), ErrorCode.BAD_REQUEST, "field op is missing").startsWith("{\"id\":3,"));
    }
}
