package dev.passgate.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.passgate.security.AccessChecker;
import dev.passgate.security.AccessLevel;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.security.Verifier;
import dev.passgate.security.VerifyRequest;
import dev.passgate.security.VerifyResult;
import dev.passgate.security.racf.CommandResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's HTTP JSON API: {@code POST /commands {"command":"DISPLAY CLIENTS"}} →
 * {@code {"rc":0,"lines":[...]}}. Bound to the loopback address only. Callers prove who
 * they are either with the operator credential the daemon writes into its data folder
 * (owner-readable only; what {@code passgate admin} uses on the daemon's own machine) or
 * with a user and password (HTTP Basic), which then needs CONTROL on
 * {@code FACILITY PASSGATE.ADMIN.<command>}.
 */
public final class AdminHttpApi implements AutoCloseable {

    public static final String CREDENTIAL_FILE = "operator.credential";
    private static final Logger LOG = LoggerFactory.getLogger(AdminHttpApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OperatorCommands commands;
    private final Verifier verifier;
    private final AccessChecker access;
    private final HttpServer server;
    private final String token;
    private final Path credentialFile;

    public AdminHttpApi(OperatorCommands commands, Verifier verifier, AccessChecker access, int port, Path dataDir)
            throws IOException {
        this.commands = commands;
        this.verifier = verifier;
        this.access = access;
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/commands", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "passgate-admin-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        this.credentialFile = dataDir.resolve(CREDENTIAL_FILE);
        writeCredential();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void writeCredential() throws IOException {
        Files.createDirectories(credentialFile.getParent());
        Files.deleteIfExists(credentialFile);
        try {
            Files.createFile(credentialFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(credentialFile);
        }
        Files.writeString(credentialFile, JSON.writeValueAsString(Map.of("port", port(), "token", token)));
    }

    private void handle(HttpExchange http) throws IOException {
        try {
            if (!http.getRemoteAddress().getAddress().isLoopbackAddress()) {
                reply(http, 403, Map.of("error", "the admin API serves this machine only"));
                return;
            }
            if (!"POST".equals(http.getRequestMethod())) {
                reply(http, 405, Map.of("error", "POST a JSON object {\"command\": \"...\"}"));
                return;
            }
            JsonNode body = JSON.readTree(http.getRequestBody());
            String command = body == null || !body.path("command").isTextual() ? null : body.get("command").asText();
            if (command == null || command.isBlank()) {
                reply(http, 400, Map.of("error", "field command is missing"));
                return;
            }
            String actor = authenticate(http, command);
            if (actor == null) {
                reply(http, 401, Map.of("error", "not authenticated or not authorized"));
                return;
            }
            CommandResult r = commands.execute(command, actor);
            reply(http, 200, Map.of("rc", r.returnCode(), "lines", r.lines()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Admin API request failed: {}", e.toString());
            reply(http, 400, Map.of("error", "the request is not valid"));
        }
    }

    /** The caller's name for the audit trail, or null when refused. */
    private String authenticate(HttpExchange http, String command) {
        String header = http.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return null;
        }
        if (header.startsWith("Bearer ")) {
            boolean same = MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
            return same ? "OPERATOR (local credential)" : null;
        }
        if (header.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            VerifyResult v = verifier.verify(VerifyRequest.password(decoded.substring(0, colon),
                    decoded.substring(colon + 1).toCharArray()).from("admin-api"));
            if (!v.success()) {
                return null;
            }
            SecurityEnvironment env = v.environment();
            String verb = command.trim().split("[\\s,]+")[0].toUpperCase(Locale.ROOT);
            boolean allowed = access.check(env, "FACILITY", "PASSGATE.ADMIN." + verb, AccessLevel.CONTROL).allowed();
            return allowed ? env.user() : null;
        }
        return null;
    }

    private static void reply(HttpExchange http, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        http.getResponseHeaders().set("Content-Type", "application/json");
        http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            Files.deleteIfExists(credentialFile);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", credentialFile, e.toString());
        }
    }
}
