package dev.passgate.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.passticket.Evaluation;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The component JSON the build generates is what Karavan, the IDE plugins and Camel JBang show:
 * every option and header the component has must be in it, each with a description.
 */
class PassTicketComponentMetadataTest {

    static final String JSON = "META-INF/dev/passgate/camel/passticket.json";

    static JsonNode json;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = PassTicketComponentMetadataTest.class.getClassLoader().getResourceAsStream(JSON)) {
            assertNotNull(in, JSON + " is not on the classpath: the build did not generate the component metadata");
            json = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theComponentIsDescribedAsAProducerOnlySecurityComponent() {
        JsonNode component = json.get("component");
        assertEquals("passticket", component.get("scheme").asText());
        assertEquals("passticket:operation", component.get("syntax").asText());
        assertEquals("PassTicket", component.get("title").asText());
        assertEquals("security", component.get("label").asText());
        assertTrue(component.get("producerOnly").asBoolean());
        assertEquals(PassTicketComponent.class.getName(), component.get("javaType").asText());
        assertFalse(component.get("description").asText().isBlank());
    }

    @Test
    void everyEndpointOptionOfTheReadmeIsListedWithItsDefault() {
        JsonNode properties = json.get("properties");
        JsonNode operation = properties.get("operation");
        assertEquals("path", operation.get("kind").asText());
        assertTrue(operation.get("required").asBoolean());
        assertEquals(List.of("generate", "evaluate"), texts(operation.get("enum")));

        assertNotNull(properties.get("applid"), "applid");
        assertEquals(PassTicketHeaders.USER, properties.get("userHeader").get("defaultValue").asText());
        assertEquals(PassTicketHeaders.PASSTICKET, properties.get("ticketHeader").get("defaultValue").asText());
        assertTrue(properties.get("failOnInvalid").get("defaultValue").asBoolean());
        assertEquals("boolean", properties.get("failOnInvalid").get("type").asText());
        assertFalse(properties.has("bridgeErrorHandler"), "a produce-only component lists no consumer options");
        everyEntryIsDescribed(properties);
    }

    @Test
    void theEngineIsAnAutowiredComponentOption() {
        JsonNode options = json.get("componentProperties");
        for (String name : List.of("generator", "evaluator")) {
            assertNotNull(options.get(name), name);
            assertTrue(options.get(name).get("autowired").asBoolean(), name + " is autowired");
        }
        everyEntryIsDescribed(options);
    }

    @Test
    void everyHeaderConstantIsListedUnderItsName() throws Exception {
        Set<String> constants = new TreeSet<>();
        for (Field f : PassTicketHeaders.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                constants.add((String) f.get(null));
            }
        }
        JsonNode headers = json.get("headers");
        assertEquals(constants, names(headers));
        everyEntryIsDescribed(headers);
        assertTrue(headers.get(PassTicketHeaders.USER).get("required").asBoolean());
        assertTrue(headers.get(PassTicketHeaders.PASSTICKET).get("secret").asBoolean(), "tooling masks the ticket");
        assertEquals(Arrays.stream(Evaluation.Outcome.values()).map(Enum::name).toList(),
                texts(headers.get(PassTicketHeaders.OUTCOME).get("enum")), "the outcomes tooling offers are the real ones");
    }

    @Test
    void camelFindsTheGeneratedConfigurersAndUriFactory() throws Exception {
        try (var context = new DefaultCamelContext()) {
            var resolver = PluginHelper.getConfigurerResolver(context);
            PropertyConfigurer endpoint = resolver.resolvePropertyConfigurer("passticket-endpoint", context);
            PropertyConfigurer component = resolver.resolvePropertyConfigurer("passticket-component", context);
            assertNotNull(endpoint, "endpoint configurer");
            assertNotNull(component, "component configurer");
            assertNotNull(PluginHelper.getUriFactoryResolver(context).resolveFactory("passticket", context),
                    "endpoint URI factory");
        }
    }

    private static void everyEntryIsDescribed(JsonNode options) {
        List<String> undescribed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : options.properties()) {
            JsonNode d = e.getValue().get("description");
            if (d == null || d.asText().isBlank()) {
                undescribed.add(e.getKey());
            }
        }
        assertEquals(List.of(), undescribed, "options without a description");
    }

    private static Set<String> names(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
