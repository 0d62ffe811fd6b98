package dev.passgate.admin;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Publishes PassGate's meters and registers its health checks once the context has started:
 * only then has camel-main bound its Prometheus registry and its health-check registry.
 */
final class MetricsAndHealthPublisher extends EventNotifierSupport {

    private final CamelContext context;
    private final PassGateMetrics metrics;
    private final List<HealthCheck> checks;

    MetricsAndHealthPublisher(CamelContext context, PassGateMetrics metrics, List<HealthCheck> checks) {
        this.context = context;
        this.metrics = metrics;
        this.checks = checks;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event.getType() == CamelEvent.Type.CamelContextStarted) {
            metrics.publishTo(publishingRegistry());
            List<HealthCheck> all = new java.util.ArrayList<>(checks);
            all.add(PassGateHealthChecks.routes(context, PassGateHealthChecks.neededRoutes(context)));
            PassGateHealthChecks.register(context, all);
        }
    }

    /**
     * camel-main's Prometheus registry (served on the management port) when there is one, else one
     * PassGate makes and binds as passGateMeterRegistry.
     */
    private MeterRegistry publishingRegistry() {
        MeterRegistry found = context.getRegistry().findSingleByType(PrometheusMeterRegistry.class);
        if (found == null) {
            found = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            context.getRegistry().bind("passGateMeterRegistry", found);
        }
        return found;
    }
}
