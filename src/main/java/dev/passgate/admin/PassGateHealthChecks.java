package dev.passgate.admin;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The health checks an operator (or Kubernetes) polls at {@code /observe/health}: the daemon
 * port answers, the database answers, and the PassTicket setup for the daemon's APPLID is
 * complete (its message says what to define, as IVP PASSTICKET does), and PassGate's routes run.
 */
public final class PassGateHealthChecks {

    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    private PassGateHealthChecks() {
    }

    /**
     * @param daemonHost the daemon's bind address (0.0.0.0 is checked on loopback)
     * @param passTicketProblem what is wrong with the PassTicket setup, if anything
     */
    public static List<HealthCheck> of(String daemonHost, int daemonPort, DataSource database,
            Supplier<Optional<String>> passTicketProblem) {
        return List.of(daemon(daemonHost, daemonPort), database(database), passTickets(passTicketProblem));
    }

    /** Registers the checks with the context's health-check registry, when it has one (camel-health). */
    public static void register(CamelContext context, List<HealthCheck> checks) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry != null) {
            checks.forEach(c -> {
                if (c instanceof AbstractHealthCheck a) {
                    a.setCamelContext(context);
                }
                registry.register(c);
            });
        }
    }

    static HealthCheck daemon(String host, int port) {
        return check("daemon", (builder, options) -> {
            InetAddress address = host.equals("0.0.0.0") || host.equals("::") ? InetAddress.getLoopbackAddress()
                    : InetAddress.getByName(host);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
                builder.up().detail("port", port);
            }
        });
    }

    static HealthCheck database(DataSource dataSource) {
        return check("database", (builder, options) -> {
            try (Connection c = dataSource.getConnection()) {
                if (c.isValid(2)) {
                    builder.up();
                } else {
                    builder.down().message("the database did not answer within 2 s");
                }
            }
        });
    }

    /**
     * DOWN while any route PassGate needs is not running (stopped, failed, or gone after a reload):
     * the routes that ran at start-up, except the integrator's own files' routes other than exit
     * routes, which stand in for built-in ones.
     */
    static HealthCheck routes(CamelContext context, Set<String> needed) {
        return check("routes", (builder, options) -> {
            List<String> down = needed.stream().filter(id -> {
                ServiceStatus s = context.getRouteController().getRouteStatus(id);
                return s == null || !s.isStarted();
            }).sorted().toList();
            if (down.isEmpty()) {
                builder.up().detail("routes", needed.size());
            } else {
                builder.down().message("routes not running: " + String.join(", ", down));
            }
        });
    }

    /** The routes of a started context that PassGate needs (see {@link #routes}). */
    static Set<String> neededRoutes(CamelContext context) {
        Set<String> needed = new TreeSet<>();
        for (Route r : context.getRoutes()) {
            String source = r.getSourceResource() == null ? "" : r.getSourceResource().getLocation();
            boolean integrators = source.startsWith("file:");
            if (!integrators || r.getEndpoint().getEndpointUri().startsWith("direct://exit-")) {
                needed.add(r.getRouteId());
            }
        }
        return needed;
    }

    static HealthCheck passTickets(Supplier<Optional<String>> problem) {
        return check("passticket", (builder, options) -> problem.get().ifPresentOrElse(
                p -> builder.down().message(p), builder::up));
    }

    /** A probe: whatever it throws makes the check DOWN with the exception's message. */
    @FunctionalInterface
    interface Probe {
        void run(HealthCheckResultBuilder builder, Map<String, Object> options) throws Exception;
    }

    private static HealthCheck check(String id, Probe probe) {
        return new AbstractHealthCheck("passgate", "passgate-" + id) {
            @Override
            protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
                try {
                    probe.run(builder, options);
                } catch (Exception e) {
                    builder.down().message(id + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        };
    }
}
