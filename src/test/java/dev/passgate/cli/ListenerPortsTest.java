package dev.passgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.passgate.PassGate;
import dev.passgate.settings.PassGateSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** Which ports serve checks before it starts, and what a taken one says. */
class ListenerPortsTest {

    /** As serve resolves them: defaults with their placeholders, then the values given. */
    private static PassGateSettings settings(Map<String, String> values) {
        var properties = new DefaultCamelContext().getPropertiesComponent();
        values.forEach(properties::addOverrideProperty);
        PassGate.addDefaults(properties);
        return new PassGateSettings(properties::resolveProperty);
    }

    private static List<String> checked(Map<String, String> values) {
        return ListenerPorts.of(settings(values)).stream().map(l -> l.port() + " " + l.portSetting()).toList();
    }

    @Test
    void theFixedPortsOfTheDefaultsAreCheckedAndAFreeOneIsNot() {
        assertEquals(List.of("4035 passgate.daemon.port", "4037 passgate.management.port", "6715 passgate.jobs.port"),
                checked(Map.of()), "the operator API takes any free port by default: nothing to check");
        assertEquals(List.of("4035 passgate.daemon.port", "4037 passgate.management.port", "9999 passgate.admin.port"),
                checked(Map.of("passgate.admin.port", "9999", "passgate.jobs.port", "0")));
    }

    @Test
    void camelsOwnManagementKeysAreHonoured() {
        assertEquals(List.of("4035 passgate.daemon.port", "6715 passgate.jobs.port"),
                checked(Map.of("camel.management.enabled", "false")));
        assertEquals(List.of("4035 passgate.daemon.port", "8080 camel.management.port", "6715 passgate.jobs.port"),
                checked(Map.of("camel.management.port", "8080")));
    }

    @Test
    void aTakenPortIsRefusedNamingItsSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            var refused = assertThrows(ServeRefused.class, () -> ListenerPorts.check(ListenerPorts.of(settings(Map.of(
                    "passgate.daemon.host", "127.0.0.1", "passgate.daemon.port", Integer.toString(port))))));
            assertEquals("port " + port + " is in use (set passgate.daemon.port to another port)", refused.getMessage());
        }
    }
}
