package dev.passgate.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.settings.PassGateSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The heartbeat and the time after which a silent node is lost: defaults, and a pair that cannot work. */
class PartnerSettingsTest {

    private static PartnerSettings with(Map<String, String> given) {
        return PartnerSettings.from(new PassGateSettings(k -> Optional.ofNullable(given.get(k))));
    }

    @Test
    void aNodeBeatsEveryTwoSecondsAndIsLostAfterTen() {
        PartnerSettings s = with(Map.of());
        assertEquals(Duration.ofSeconds(2), s.heartbeatInterval());
        assertEquals(Duration.ofSeconds(10), s.nodeLostAfter());
    }

    @Test
    void aNodeLateByOneBeatMustNotCountAsLost() {
        var e = assertThrows(IllegalArgumentException.class, () -> with(Map.of(PartnerSettings.HEARTBEAT_INTERVAL, "5",
                PartnerSettings.NODE_LOST_AFTER, "10")));
        assertTrue(e.getMessage().contains("passgate.cluster.node-lost-after (10 s) must be at least three heartbeats")
                && e.getMessage().contains("passgate.cluster.heartbeat-interval is 5 s"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> with(Map.of(PartnerSettings.HEARTBEAT_INTERVAL, "0")));
    }
}
