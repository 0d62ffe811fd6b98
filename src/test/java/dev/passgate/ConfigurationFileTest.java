package dev.passgate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.settings.PassGateSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator's file documents every built-in setting with its default, as the README promises. */
class ConfigurationFileTest {

    @Test
    void everyDefaultIsDocumentedInTheOperatorsFile() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("config/application.properties"));
        PassGateSettings.defaults().forEach((key, value) -> {
            String documented = "# " + key + "=" + value;
            assertTrue(lines.contains(documented), "config/application.properties lacks the line: " + documented);
        });
    }

    @Test
    void theOperatorsFileSetsNothingByItself() throws Exception {
        // Shipped commented out, so that defaults can change between versions without surprising anyone.
        for (String line : Files.readAllLines(Path.of("config/application.properties"))) {
            assertTrue(line.isBlank() || line.startsWith("#"), "uncommented line: " + line);
        }
    }
}
