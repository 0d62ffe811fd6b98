package dev.passgate.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A connected session: requests to the miners, events the server sends, logout. */
public final class ClientSession implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LineClient line;

    ClientSession(LineClient line) {
        this.line = line;
    }

    /** One request line; its reply. */
    public Reply request(String json) {
        try {
            return PassGateClient.reply(line.request(json), json.length() > 40 ? json.substring(0, 40) + "…" : json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request of an operation with text fields given as name, value pairs: {@code call("files.list", "path", ".")}. */
    public Reply call(String op, String... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("fields come as name, value pairs");
        }
        ObjectNode request = JSON.createObjectNode().put("op", op);
        for (int i = 0; i < fields.length; i += 2) {
            request.put(fields[i], fields[i + 1]);
        }
        return request(request.toString());
    }

    /** The next line the server sends on its own (an event such as a timeout or a message), or null at close. */
    public Reply next() {
        try {
            var json = line.read();
            return json == null ? null : new Reply(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logs out; the reply. */
    public Reply logout() {
        return call("logout");
    }

    /** Whether the server has closed the session's connection. */
    public boolean closedByServer() {
        try {
            return line.closedByServer();
        } catch (IOException e) {
            return true;
        }
    }

    /** The underlying line connection, for raw bytes or a test of the codec. */
    public LineClient line() {
        return line;
    }

    @Override
    public void close() {
        try {
            line.close();
        } catch (IOException e) {
            // closing a test's socket: nothing to tell
        }
    }
}
