package dev.passgate.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A protocol client of one node, as a user's client runs it: a logon on the daemon port, then a
 * session on the port and with the client ID the logon handed out.
 */
public final class PassGateClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int daemonPort;

    public PassGateClient(int daemonPort) {
        this.daemonPort = daemonPort;
    }

    /** A logon by password on a fresh daemon connection; its reply, success or not. */
    public Reply logon(String user, String password) {
        ObjectNode request = JSON.createObjectNode().put("op", "logon").put("user", user).put("password", password);
        return logon(request.toString());
    }

    /** Any logon request line (a PassTicket, a new password, a trusted logon...); its reply. */
    public Reply logon(String requestJson) {
        try (LineClient daemon = new LineClient(daemonPort)) {
            return reply(daemon.request(requestJson), "logon");
        } catch (IOException e) {
            throw new UncheckedIOException("daemon on port " + daemonPort, e);
        }
    }

    /** Connects with a successful logon's port and client ID; the open session. */
    public ClientSession connect(Reply logon) {
        logon.assertOk();
        try {
            LineClient line = new LineClient(logon.json().get("port").asInt());
            ClientSession session = new ClientSession(line);
            Reply connected = session.request(JSON.createObjectNode().put("op", "connect")
                    .put("clientId", logon.text("clientId")).toString());
            if (!connected.ok()) {
                session.close();
                throw new AssertionError("connect refused: " + connected);
            }
            return session;
        } catch (IOException e) {
            throw new UncheckedIOException("session port of " + logon.text("user"), e);
        }
    }

    /** Logon and connect, both asserted to succeed; the open session. */
    public ClientSession session(String user, String password) {
        return connect(logon(user, password).assertOk());
    }

    static Reply reply(com.fasterxml.jackson.databind.JsonNode json, String what) {
        if (json == null) {
            throw new AssertionError("the server closed the connection without a reply to " + what);
        }
        return new Reply(json);
    }
}
