package dev.passgate.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.PassGate;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A started PassGate in a plain CamelContext, on its own data folder and a free daemon
 * port, with helpers for the protocol's two connections. Failures are {@link AssertionError}s,
 * so it serves any test framework; {@link PassGateNode} wraps it as a JUnit 5 extension.
 */
public final class RunningPassGate implements AutoCloseable {

    public final CamelContext context;
    public final PassGate passGate;
    public final int daemonPort;

    public RunningPassGate(Path data, Map<String, String> settings) throws Exception {
        this(data, settings, null);
    }

    /** With integrator routes from a folder, as serve loads them. */
    public RunningPassGate(Path data, Map<String, String> settings, Path routesDir) throws Exception {
        context = new DefaultCamelContext();
        passGate = TestPassGate.install(context, data, settings, routesDir);
        context.start();
        daemonPort = Integer.parseInt(passGate.settings().string("passgate.daemon.port"));
    }

    public void admin(String... commands) {
        for (String c : commands) {
            var r = passGate.security().commands().execute(c, "TEST");
            if (!r.ok()) {
                throw new AssertionError(c + " -> " + r.lines());
            }
        }
    }

    /** One logon request on a fresh daemon connection; the reply. */
    public JsonNode logon(String requestJson) throws Exception {
        try (LineClient daemon = new LineClient(daemonPort)) {
            return daemon.request(requestJson);
        }
    }

    public JsonNode logon(String user, String password) throws Exception {
        JsonNode r = logon("{\"op\":\"logon\",\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
        if (!r.get("ok").asBoolean()) {
            throw new AssertionError("logon of " + user + " refused: " + r);
        }
        return r;
    }

    /** Reconnects with a logon's client ID; the open session connection. */
    public LineClient connect(JsonNode logon) throws Exception {
        LineClient session = new LineClient(logon.get("port").asInt());
        JsonNode c = session.request("{\"op\":\"connect\",\"clientId\":\"" + logon.get("clientId").asText() + "\"}");
        if (c == null || !c.get("ok").asBoolean()) {
            session.close();
            throw new AssertionError("connect refused: " + c);
        }
        return session;
    }

    public LineClient session(String user, String password) throws Exception {
        return connect(logon(user, password));
    }

    @Override
    public void close() throws Exception {
        context.close();
    }
}
