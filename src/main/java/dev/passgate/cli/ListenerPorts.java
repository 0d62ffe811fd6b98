package dev.passgate.cli;

import dev.passgate.admin.AdminSettings;
import dev.passgate.daemon.DaemonSettings;
import dev.passgate.jobs.JobsSettings;
import dev.passgate.settings.PassGateSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fixed ports {@code serve} will listen on, each tried before anything starts, so that a
 * port another process holds stops serve with one line naming the port and the setting to
 * change, instead of a stack trace after half of PassGate has started. Port 0 (any free port,
 * or off for the job monitor) needs no check.
 */
final class ListenerPorts {

    /** One listener: where it binds and the settings that say so. */
    record Listener(String host, int port, String hostSetting, String portSetting) {
    }

    private ListenerPorts() {
    }

    static List<Listener> of(PassGateSettings settings) {
        DaemonSettings daemon = DaemonSettings.from(settings);
        AdminSettings admin = AdminSettings.from(settings);
        JobsSettings jobs = JobsSettings.from(settings);
        String loopback = InetAddress.getLoopbackAddress().getHostAddress();
        List<Listener> all = new ArrayList<>();
        all.add(new Listener(daemon.host(), daemon.port(), DaemonSettings.HOST, DaemonSettings.PORT));
        // The configuration file may turn camel-main's management server off, or place it by Camel's own keys.
        if (!settings.lookup("camel.management.enabled").map(String::trim).orElse("true").equalsIgnoreCase("false")) {
            Optional<Integer> camelPort = settings.lookup("camel.management.port").flatMap(ListenerPorts::number);
            all.add(new Listener(settings.lookup("camel.management.host").orElse(admin.managementHost()),
                    camelPort.orElse(admin.managementPort()), AdminSettings.MANAGEMENT_HOST,
                    camelPort.isPresent() ? "camel.management.port" : AdminSettings.MANAGEMENT_PORT));
        }
        all.add(new Listener(loopback, admin.port(), null, AdminSettings.PORT));
        all.add(new Listener(jobs.host(), jobs.port(), JobsSettings.HOST, JobsSettings.PORT));
        return all.stream().filter(l -> l.port() != 0).toList();
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty(); // camel-main reports it
        }
    }

    /** @throws ServeRefused naming the first port that cannot be listened on */
    static void check(List<Listener> listeners) {
        for (Listener l : listeners) {
            try (ServerSocket probe = new ServerSocket()) {
                // As the listeners themselves bind: a port with only closing connections left is free.
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(l.host(), l.port()));
            } catch (IOException e) {
                String why = String.valueOf(e.getMessage());
                if (why.contains("in use")) {
                    throw new ServeRefused("port " + l.port() + " is in use (set " + l.portSetting()
                            + " to another port)");
                }
                throw new ServeRefused("cannot listen on " + l.host() + ":" + l.port() + " (" + why + "; check "
                        + (l.hostSetting() == null ? "" : l.hostSetting() + " and ") + l.portSetting() + ")");
            }
        }
    }
}
