package dev.passgate.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.exit.RecordingExit;
import dev.passgate.passticket.Evaluation;
import dev.passgate.testkit.Eventually;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PassGate's meters and health checks in an embedding application (no camel-main): the meters
 * in a Prometheus registry bound as passGateMeterRegistry, the checks in the context's
 * health-check registry. {@code PackagedJarIT} reads both over HTTP from serve.
 */
class MetricsAndHealthTest {

    @TempDir
    Path data;
    private RunningPassGate pg;

    @BeforeEach
    void start() throws Exception {
        // RecordingExit fails the login of user REFUSED and lets everyone else through.
        pg = new RunningPassGate(data, Map.of("passgate.exit.class", RecordingExit.class.getName()));
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER REFUSED PASSWORD(Secret1) NOEXPIRED");
    }

    @AfterEach
    void stop() throws Exception {
        pg.close();
    }

    private String scrape() {
        return pg.context.getRegistry().lookupByNameAndType("passGateMeterRegistry", PrometheusMeterRegistry.class)
                .scrape();
    }

    private static boolean has(String scrape, String line) {
        return scrape.lines().anyMatch(l -> l.equals(line));
    }

    @Test
    void logonsSessionsAndPassTicketsAreCounted() throws Exception {
        assertEquals("AUTH_FAILED", LineClient.code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"nope\"}")));
        try (LineClient session = pg.session("JOE", "Secret1")) {
            String during = scrape();
            assertTrue(has(during, "passgate_logons_total{outcome=\"AUTH_FAILED\"} 1.0"), during);
            assertTrue(has(during, "passgate_logons_total{outcome=\"SUCCESS\"} 1.0"), during);
            assertTrue(has(during, "passgate_sessions_active 1.0"), during);
            assertTrue(has(during, "passgate_pool_clients 1.0"), during);
        }
        Eventually.waitFor(() -> has(scrape(), "passgate_sessions_active 0.0"));

        pg.admin("RDEFINE PTKTDATA RPLAPPL SSIGNON(KEYMASKED(E001193519561977))");
        var security = pg.passGate.security();
        String ticket = security.passTicketGenerator().generate("JOE", "RPLAPPL").ticket();
        assertEquals(Evaluation.Outcome.VALID, security.passTicketEvaluator().evaluate("JOE", "RPLAPPL", ticket).outcome());
        assertEquals(Evaluation.Outcome.REPLAYED, security.passTicketEvaluator().evaluate("JOE", "RPLAPPL", ticket)
                .outcome());
        String after = scrape();
        assertTrue(has(after, "passgate_passtickets_replays_refused_total 1.0"), after);
        assertTrue(has(after, "passgate_passtickets_evaluated_total{outcome=\"REPLAYED\"} 1.0"), after);
        // the tickets of the audit trail: the one made here, not those PassGate made for the session's own environments
        assertTrue(has(after, "passgate_passtickets_generated_total 1.0"), after);
    }

    @Test
    void exitRejectionsAreCounted() throws Exception {
        assertEquals("EXIT_REJECTED", LineClient.code(pg.logon("{\"op\":\"logon\",\"user\":\"REFUSED\","
                + "\"password\":\"Secret1\"}")));

        String scrape = scrape();
        assertTrue(has(scrape, "passgate_exit_rejections_total{result=\"FAIL\"} 1.0"), scrape);
        assertTrue(has(scrape, "passgate_logons_total{outcome=\"EXIT_REJECTED\"} 1.0"), scrape);
    }

    private Map<String, HealthCheck.Result> health() {
        return HealthCheckRegistry.get(pg.context).stream().filter(c -> c.getId().startsWith("passgate-"))
                .map(HealthCheck::call).collect(Collectors.toMap(r -> r.getCheck().getId(), Function.identity()));
    }

    @Test
    void healthChecksFollowTheDaemonPortAndThePassTicketSetup() throws Exception {
        Map<String, HealthCheck.Result> healthy = health();
        assertEquals(4, healthy.size(), healthy.toString());
        healthy.values().forEach(r -> assertEquals(HealthCheck.State.UP, r.getState(), r.getCheck().getId()));

        pg.admin("RALTER PTKTDATA FEKAPPL NOAPPLDATA");
        HealthCheck.Result passTicket = health().get("passgate-passticket");
        assertEquals(HealthCheck.State.DOWN, passTicket.getState());
        assertTrue(passTicket.getMessage().orElse("").contains("RALTER PTKTDATA FEKAPPL APPLDATA('NO REPLAY PROTECTION')"),
                passTicket.getMessage().toString());

        pg.context.getRouteController().stopRoute("session-logout");
        HealthCheck.Result routes = health().get("passgate-routes");
        assertEquals(HealthCheck.State.DOWN, routes.getState());
        assertEquals("routes not running: session-logout", routes.getMessage().orElse(""));
        pg.context.getRouteController().startRoute("session-logout");
        assertEquals(HealthCheck.State.UP, health().get("passgate-routes").getState());

        pg.context.getRouteController().stopRoute("daemon-logon");
        assertEquals(HealthCheck.State.DOWN, health().get("passgate-daemon").getState());
        assertEquals(HealthCheck.State.UP, health().get("passgate-database").getState());
    }
}
