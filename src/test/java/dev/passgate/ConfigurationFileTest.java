package dev.passgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.settings.PassGateSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One place per setting: each {@code passgate.*} key is named by exactly one typed settings class
 * (its {@code public static final String} constants), its default is written only in
 * passgate-defaults.properties, and the operator's file documents every key, with that default.
 */
class ConfigurationFileTest {

    private static final Path OPERATORS_FILE = Path.of("config/application.properties");

    @Test
    void everyDefaultIsDocumentedInTheOperatorsFile() throws Exception {
        List<String> lines = Files.readAllLines(OPERATORS_FILE);
        PassGateSettings.defaults().forEach((key, value) -> {
            String documented = "# " + key + "=" + value;
            assertTrue(lines.contains(documented), OPERATORS_FILE + " lacks the line: " + documented);
        });
    }

    @Test
    void everyDefaultBelongsToExactlyOneSettingsRecord() throws Exception {
        Map<String, List<String>> declared = declaredKeys();
        for (Object key : PassGateSettings.defaults().keySet()) {
            List<String> owners = declared.getOrDefault((String) key, List.of());
            assertEquals(1, owners.size(), "passgate-defaults.properties has " + key
                    + ", which must be named by exactly one settings class, not " + owners);
        }
        declared.forEach((key, owners) -> assertEquals(1, owners.size(), key + " is named in " + owners));
    }

    @Test
    void everyKeyASettingsRecordReadsIsDocumented() throws Exception {
        List<String> lines = Files.readAllLines(OPERATORS_FILE);
        for (String key : declaredKeys().keySet()) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("# " + key + "=")),
                    OPERATORS_FILE + " does not list " + key + " (commented out, with its default or an example)");
        }
    }

    @Test
    void theOperatorsFileSetsNothingByItself() throws Exception {
        // Shipped commented out, so that defaults can change between versions without surprising anyone.
        for (String line : Files.readAllLines(OPERATORS_FILE)) {
            assertTrue(line.isBlank() || line.startsWith("#"), "uncommented line: " + line);
        }
    }

    /** Key to the classes naming it, over every *Settings class of src/main/java. */
    static Map<String, List<String>> declaredKeys() throws Exception {
        Path root = Path.of("src/main/java");
        Map<String, List<String>> keys = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith("Settings.java")).toList();
        }
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
            for (Field f : Class.forName(name).getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
                        && f.get(null) instanceof String key && key.startsWith("passgate.") && !key.endsWith(".")) {
                    keys.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
                }
            }
        }
        assertTrue(keys.size() > 40, "the settings classes were not found under " + root);
        return keys;
    }
}
