package dev.passgate.admin;

import dev.passgate.settings.PassGateSettings;

/**
 * The operator's ways in: the loopback HTTP API ({@code passgate.admin.*}) and camel-main's
 * management server for health and metrics ({@code passgate.management.*}, read by serve's
 * camel.management.* settings).
 */
public record AdminSettings(int port, String managementHost, int managementPort) {

    /** Port of the operator's HTTP API on loopback; 0: any free port. */
    public static final String PORT = "passgate.admin.port";
    /** Address of /observe/health and /observe/metrics. */
    public static final String MANAGEMENT_HOST = "passgate.management.host";
    /** Port of /observe/health and /observe/metrics. */
    public static final String MANAGEMENT_PORT = "passgate.management.port";

    public static AdminSettings from(PassGateSettings s) {
        return new AdminSettings(s.integer(PORT), s.string(MANAGEMENT_HOST), s.integer(MANAGEMENT_PORT));
    }
}
