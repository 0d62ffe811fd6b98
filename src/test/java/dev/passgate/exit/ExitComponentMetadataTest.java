package dev.passgate.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exit: component's generated JSON, which tooling shows when an integrator edits a route's exit step. */
class ExitComponentMetadataTest {

    static final String JSON = "META-INF/dev/passgate/exit/exit.json";

    static JsonNode json;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = ExitComponentMetadataTest.class.getClassLoader().getResourceAsStream(JSON)) {
            assertNotNull(in, JSON + " is not on the classpath: the build did not generate the component metadata");
            json = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theCallsAndTheOptionAreListedWithTheirDescriptions() {
        JsonNode component = json.get("component");
        assertEquals("exit:call", component.get("syntax").asText());
        assertTrue(component.get("producerOnly").asBoolean());
        JsonNode properties = json.get("properties");
        List<String> calls = new ArrayList<>();
        properties.get("call").get("enum").forEach(n -> calls.add(n.asText()));
        assertEquals(List.of("new-session", "login", "logout"), calls);
        assertTrue(properties.get("failOnReject").get("defaultValue").asBoolean());
        assertTrue(json.get("componentProperties").get("exits").get("autowired").asBoolean());
        List<String> undescribed = new ArrayList<>();
        for (JsonNode options : List.of(properties, json.get("componentProperties"))) {
            for (Map.Entry<String, JsonNode> e : options.properties()) {
                if (e.getValue().path("description").asText().isBlank()) {
                    undescribed.add(e.getKey());
                }
            }
        }
        assertEquals(List.of(), undescribed, "options without a description");
    }

    @Test
    void camelFindsTheComponentByItsScheme() throws Exception {
        try (var context = new DefaultCamelContext()) {
            assertTrue(context.getComponent("exit") instanceof ExitComponent);
            assertNotNull(PluginHelper.getConfigurerResolver(context).resolvePropertyConfigurer("exit-endpoint", context));
        }
    }
}
