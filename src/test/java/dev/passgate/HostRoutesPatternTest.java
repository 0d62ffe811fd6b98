package dev.passgate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.passgate.testkit.TestPassGate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camel-main host that loads its own routes with the common {@code classpath:routes/*} pattern
 * and installs PassGate: PassGate's routes live under {@code passgate/routes/}, so each comes
 * once, from PassGate, and the host's route runs beside them.
 */
class HostRoutesPatternTest {

    @Test
    void aHostsRoutesPatternLoadsEachPassGateRouteOnce(@TempDir Path data) throws Exception {
        Main main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/*");
        main.configure().addConfiguration(new CamelConfiguration() {
            @Override
            public void configure(CamelContext context) throws Exception {
                TestPassGate.install(context, data, Map.of());
            }
        });
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            List<String> ids = context.getRoutes().stream().map(Route::getRouteId).toList();
            Map<String, Long> counts = ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            for (String builtIn : List.of("daemon-logon", "session-connect", "session-request", "session-logout",
                    "passticket-replay-purge", "audit-retention-purge")) {
                assertEquals(1L, counts.getOrDefault(builtIn, 0L), builtIn + " in " + ids);
            }
            assertEquals("hello from the host", context.createProducerTemplate().requestBody("direct:host-hello", "", String.class));
        } finally {
            main.stop();
        }
    }
}
