package dev.passgate.cli;

import java.util.Map;

/**
 * camel-main's management server as serve runs it: health and Prometheus metrics on a port of
 * its own, on loopback only (passgate.management.host and .port). config/application.properties
 * can change each of these.
 */
final class ManagementDefaults {

    static final Map<String, String> PROPERTIES = Map.of(
            "camel.management.enabled", "true",
            // PassGate's own keys (and so PASSGATE_MANAGEMENT_PORT etc.), with the defaults they document.
            "camel.management.host", "{{passgate.management.host:127.0.0.1}}",
            "camel.management.port", "{{passgate.management.port:4037}}",
            "camel.management.healthCheckEnabled", "true",
            "camel.management.metricsEnabled", "true",
            "camel.management.infoEnabled", "false", // its page shows the pid, OS user and working directory
            "camel.metrics.enabled", "true",
            // Loopback only, so the checks may say what is wrong (never a secret: see PassGateHealthChecks).
            "camel.health.exposureLevel", "full");

    private ManagementDefaults() {
    }
}
