package dev.passgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code passgate logon}: the bundled client. Logs on at the daemon, reconnects to the
 * server port it is handed, then runs one operation or every JSON line from stdin,
 * printing each reply. It shares nothing with the server but the wire.
 */
@Command(name = "logon", mixinStandardHelpOptions = true,
        description = "Log on to a PassGate daemon and run requests on the session.")
final class LogonCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "localhost", description = "Daemon host (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "4035", description = "Daemon port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--user", required = true, description = "User ID.")
    String user;

    @Mixin
    PasswordOptions passwords = new PasswordOptions();

    @Option(names = "--otp", description = "One-time password, when the user has one.")
    String otp;

    @Option(names = "--server-port", description = "Ask for this server port (the request's port).")
    Integer serverPort;

    @Option(names = "--op", description = "Run this one operation (e.g. whoami, files.list), then log out.")
    String op;

    @Option(names = "--path", description = "The operation's path field.")
    String path;

    @Option(names = "--field", paramLabel = "NAME=VALUE", description = "Another string field of the operation.")
    Map<String, String> fields = Map.of();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectNode logon = JSON.createObjectNode().put("op", "logon").put("user", user)
                .put("password", passwords.read(spec, user));
        passwords.newPassword(spec).ifPresent(p -> logon.put("newPassword", p));
        if (otp != null) {
            logon.put("otp", otp);
        }
        if (serverPort != null) {
            logon.put("port", serverPort);
        }
        JsonNode granted;
        try (ProtocolLine daemon = new ProtocolLine(host, port, "the daemon (--host, --port; passgate.daemon.port)")) {
            granted = daemon.exchange(logon.toString());
        }
        if (granted == null || !granted.path("ok").asBoolean()) {
            err.println(granted == null ? "passgate: the daemon closed the connection" : granted.toString());
            return 1;
        }
        String serverHost = granted.hasNonNull("host") ? granted.get("host").asText() : host;
        try (ProtocolLine session = new ProtocolLine(serverHost, granted.get("port").asInt(),
                "the server port the daemon handed out")) {
            JsonNode connected = session.exchange(JSON.createObjectNode().put("op", "connect")
                    .put("clientId", granted.get("clientId").asText()).toString());
            if (connected == null || !connected.path("ok").asBoolean()) {
                err.println(connected == null ? "passgate: the server closed the connection" : connected.toString());
                return 1;
            }
            if (op != null) {
                ObjectNode request = JSON.createObjectNode().put("op", op);
                if (path != null) {
                    request.put("path", path);
                }
                fields.forEach(request::put);
                return session.once(request.toString(), out);
            }
            out.println(connected);
            return session.relayStandardInput(out, err, "the server closed the session");
        }
    }
}
