package dev.passgate.miner;

import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped YAML miner example reads a request field and answers through a real session. */
class YamlMinerExampleTest {

    @TempDir
    Path data;
    @TempDir
    Path routes;

    @Test
    void theMotdMinerAnswersInTheLanguageTheRequestAsksFor() throws Exception {
        Files.copy(Path.of("config/examples/motd-miner.camel.yaml"), routes.resolve("motd-miner.camel.yaml"));
        try (RunningPassGate pg = new RunningPassGate(data, Map.of("passgate.miners", "files,tickets,jobs,motd"), routes)) {
            pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            try (LineClient s = pg.session("JOE", "Secret1")) {
                JsonNode de = s.request("{\"op\":\"motd.show\",\"lang\":\"de\",\"id\":7}");
                assertEquals("Guten Tag. Wartung am Samstag ab 20 Uhr.", de.path("text").asText(), de.toString());
                assertEquals(7, de.path("id").asInt());
                JsonNode en = s.request("{\"op\":\"motd.show\"}");
                assertEquals("Good day. Maintenance on Saturday from 20:00.", en.path("text").asText(), en.toString());
                JsonNode unknown = s.request("{\"op\":\"motd.frob\"}");
                assertEquals("BAD_REQUEST", unknown.at("/error/code").asText(), unknown.toString());
                assertEquals("unknown op motd.frob", unknown.at("/error/message").asText());
            }
        }
    }
}
