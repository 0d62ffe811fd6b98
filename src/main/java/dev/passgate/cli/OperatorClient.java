package dev.passgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.admin.AdminHttpApi;
import dev.passgate.security.racf.CommandResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends commands to the daemon running on this machine, with the credential it left in its
 * data folder. While a daemon runs it alone has the store open, so every command of
 * {@code passgate admin} and {@code passgate audit} goes through it.
 */
final class OperatorClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final int port;
    private final String token;

    private OperatorClient(Path dataDir, int port, String token) {
        this.dataDir = dataDir;
        this.port = port;
        this.token = token;
    }

    /** The daemon of this data folder, when its credential is there and its port answers. */
    static Optional<OperatorClient> running(Path dataDir) throws IOException {
        Path file = dataDir.resolve(AdminHttpApi.CREDENTIAL_FILE);
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        JsonNode credential = JSON.readTree(Files.readString(file));
        int port = credential.path("port").asInt();
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        } catch (IOException e) {
            return Optional.empty(); // left behind by a daemon that crashed
        }
        return Optional.of(new OperatorClient(dataDir, port, credential.path("token").asText()));
    }

    /** What to say when an operator command finds no daemon. */
    static CommandResult notRunning(Path dataDir) {
        return new CommandResult(8, List.of("no running daemon uses " + dataDir + ": operator commands go to the running"
                + " daemon (start it with passgate serve)"));
    }

    CommandResult execute(String command) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/commands"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("command", command))))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            return new CommandResult(8, List.of("the daemon of " + dataDir + " (127.0.0.1:" + port
                    + ") does not answer: is it running?"));
        }
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            return new CommandResult(8, List.of("refused: " + body.path("error").asText()));
        }
        List<String> lines = new ArrayList<>();
        body.get("lines").forEach(l -> lines.add(l.asText()));
        return new CommandResult(body.get("rc").asInt(), lines);
    }
}
