package dev.passgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.admin.AdminHttpApi;
import dev.passgate.security.racf.CommandResult;
import java.io.IOException;
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

/** Sends operator commands to the daemon running on this machine, with the credential it left in its data folder. */
final class OperatorClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;

    OperatorClient(Path dataDir) {
        this.dataDir = dataDir;
    }

    CommandResult execute(String command) throws IOException, InterruptedException {
        Path file = dataDir.resolve(AdminHttpApi.CREDENTIAL_FILE);
        if (!Files.isReadable(file)) {
            return new CommandResult(8, List.of("no running daemon uses " + dataDir + " (no " + AdminHttpApi.CREDENTIAL_FILE
                    + "): operator commands go to the running daemon"));
        }
        JsonNode credential = JSON.readTree(Files.readString(file));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + credential.get("port").asInt()
                + "/commands")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + credential.get("token").asText())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("command", command))))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            return new CommandResult(8, List.of("the daemon of " + dataDir + " does not answer: is it running?"));
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
