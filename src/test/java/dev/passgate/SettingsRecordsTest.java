package dev.passgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.daemon.DaemonSettings;
import dev.passgate.exit.ExitSettings;
import dev.passgate.exit.SecurityMode;
import dev.passgate.security.SecuritySettings;
import dev.passgate.session.SessionSettings;
import dev.passgate.settings.PassGateSettings;
import dev.passgate.store.StoreSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The typed settings records read the operator's values over the built-in defaults, and never print a secret. */
class SettingsRecordsTest {

    private static PassGateSettings settings(Map<String, String> values) {
        return new PassGateSettings(k -> Optional.ofNullable(values.get(k)));
    }

    @Test
    void defaultsApplyWhereNothingIsConfigured() {
        DaemonSettings daemon = DaemonSettings.from(settings(Map.of()));
        assertEquals(4035, daemon.port());
        assertEquals(Duration.ofSeconds(30), daemon.limits().loginGraceTime());
        assertFalse(daemon.tls().enabled());
        SessionSettings session = SessionSettings.from(settings(Map.of()));
        assertEquals(List.of("files", "tickets", "jobs"), session.miners());
        assertEquals(Duration.ofSeconds(900), session.idleTimeout());
        assertEquals(SecurityMode.SAF, ExitSettings.from(settings(Map.of())).mode());
    }

    @Test
    void configuredValuesWin() {
        SessionSettings session = SessionSettings.from(settings(Map.of(SessionSettings.MINERS, " files , ,mine",
                SessionSettings.IDLE_TIMEOUT, "0")));
        assertEquals(List.of("files", "mine"), session.miners());
        assertEquals(Duration.ZERO, session.idleTimeout());
    }

    @Test
    void aBadValueIsRefusedNamingTheSetting() {
        var e = assertThrows(IllegalStateException.class,
                () -> DaemonSettings.from(settings(Map.of(DaemonSettings.DESCRIPTOR_RESERVE_PERCENT, "lots"))));
        assertTrue(e.getMessage().contains(DaemonSettings.DESCRIPTOR_RESERVE_PERCENT), e.getMessage());
        e = assertThrows(IllegalStateException.class,
                () -> DaemonSettings.from(settings(Map.of(DaemonSettings.PORT, "4035x"))));
        assertTrue(e.getMessage().contains(DaemonSettings.PORT), e.getMessage());
    }

    @Test
    void secretsNeverPrint() {
        String secret = "Sup3rSecretValue";
        var values = Map.of(StoreSettings.PASSWORD, secret, SecuritySettings.MASTER_KEY, secret,
                DaemonSettings.TLS_KEYSTORE_PASSWORD, secret, DaemonSettings.TLS_TRUSTSTORE_PASSWORD, secret);
        for (Object record : List.of(StoreSettings.from(settings(values)), SecuritySettings.from(settings(values)),
                DaemonSettings.from(settings(values)))) {
            assertFalse(record.toString().contains(secret), record.getClass().getSimpleName() + " prints a secret");
        }
    }
}
