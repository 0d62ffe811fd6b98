package dev.passgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the file's first line.")
    Path passwordFile;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this environment variable.")
    String passwordEnv;

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
        ObjectNode logon = JSON.createObjectNode().put("op", "logon").put("user", user).put("password", password());
        if (otp != null) {
            logon.put("otp", otp);
        }
        if (serverPort != null) {
            logon.put("port", serverPort);
        }
        JsonNode granted;
        try (Line daemon = new Line(host, port)) {
            granted = daemon.exchange(logon.toString());
        }
        if (granted == null || !granted.path("ok").asBoolean()) {
            err.println(granted == null ? "passgate: the daemon closed the connection" : granted.toString());
            return 1;
        }
        String serverHost = granted.hasNonNull("host") ? granted.get("host").asText() : host;
        try (Line session = new Line(serverHost, granted.get("port").asInt())) {
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
                JsonNode reply = session.exchange(request.toString());
                out.println(reply);
                session.exchange("{\"op\":\"logout\"}");
                return reply != null && reply.path("ok").asBoolean() ? 0 : 1;
            }
            out.println(connected);
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = stdin.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode reply = session.exchange(line);
                if (reply == null) {
                    err.println("passgate: the server closed the session");
                    return 1;
                }
                out.println(reply);
            }
            return 0;
        }
    }

    /** From a file, an environment variable or the terminal; never from the command line itself. */
    private String password() throws IOException {
        if (passwordFile != null) {
            List<String> lines = Files.readAllLines(passwordFile);
            if (lines.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--password-file " + passwordFile + " is empty");
            }
            return lines.get(0);
        }
        if (passwordEnv != null) {
            String v = System.getenv(passwordEnv);
            if (v == null) {
                throw new ParameterException(spec.commandLine(), "environment variable " + passwordEnv + " is not set");
            }
            return v;
        }
        Console console = System.console();
        if (console == null) {
            throw new ParameterException(spec.commandLine(),
                    "no password: use --password-file or --password-env, or run in a terminal to be asked");
        }
        return new String(console.readPassword("Password for %s: ", user));
    }

    /** One protocol connection: a JSON line out, a JSON line back. */
    private static final class Line implements AutoCloseable {
        private final Socket socket = new Socket();
        private final BufferedReader in;
        private final OutputStream out;

        Line(String host, int port) throws IOException {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(60_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        JsonNode exchange(String line) throws IOException {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String reply = in.readLine();
            while (reply != null && reply.contains("\"event\"") && !reply.contains("\"ok\"")) {
                reply = in.readLine(); // events (messages) may arrive between replies
            }
            return reply == null ? null : JSON.readTree(reply);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
