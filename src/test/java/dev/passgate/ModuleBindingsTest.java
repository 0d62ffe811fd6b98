package dev.passgate;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.testkit.TestPassGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.Processor;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modules bind every bean the built-in routes name, under the names the routes use. */
class ModuleBindingsTest {

    private static final Pattern REF = Pattern.compile("(?:ref: |\"#)([A-Za-z]+)");

    @Test
    void everyNameTheBuiltInRoutesUseIsBound(@TempDir Path data) throws Exception {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(Path.of("src/main/resources/passgate/routes"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Matcher m = REF.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        assertTrue(names.containsAll(Set.of("parseLogon", "authenticate", "startMiners", "endSession", "filesMiner",
                "javaLoginExit", "daemonChannelInitializer", "passTicketReplayPurge", "auditRetentionPurge")), names.toString());
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            TestPassGate.install(context, data, Map.of());
            for (String name : names) {
                assertNotNull(context.getRegistry().lookupByName(name), "no bean " + name + " for the built-in routes");
            }
            assertInstanceOf(Processor.class, context.getRegistry().lookupByName("bindPort"));
        }
    }

    @Test
    void aStepTheIntegratorBindsFirstIsTheOneTheRouteUses(@TempDir Path data) throws Exception {
        // The README: bind your own processor under a step's name to replace the step.
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Processor mine = exchange -> { };
            context.getRegistry().bind("whoami", mine);
            TestPassGate.install(context, data, Map.of());
            assertSame(mine, context.getRegistry().lookupByNameAndType("whoami", Processor.class));
        }
    }
}
