package dev.passgate.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class UTokensTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final UTokens node1 = new UTokens("PLEX1", "PG01", KEY, CLOCK);
    private final UTokens node2 = new UTokens("PLEX1", "PG02", KEY, CLOCK);

    @Test
    void anotherNodeOfTheClusterReadsWhatOneNodeIssued() {
        String token = node1.issue("JOE", "PAYROLL", List.of("PAYROLL", "AUDIT"));

        UToken read = node2.verify(token).orElseThrow();

        assertEquals(new UToken("PLEX1", "PG01", "JOE", "PAYROLL", List.of("PAYROLL", "AUDIT"), CLOCK.instant()), read);
        assertTrue(token.length() < 200, "compact: " + token.length());
    }

    @Test
    void aTokenOfAnotherClusterIsRefusedWhetherItsKeyOrItsNameDiffers() {
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        String otherKeySameName = new UTokens("PLEX1", "PG09", otherKey, CLOCK).issue("JOE", "SYS1", List.of("SYS1"));
        String sameKeyOtherName = new UTokens("PLEX2", "PG09", KEY, CLOCK).issue("JOE", "SYS1", List.of("SYS1"));

        assertTrue(node1.verify(otherKeySameName).isEmpty());
        assertTrue(node1.verify(sameKeyOtherName).isEmpty());
    }

    @Test
    void anAlteredTokenIsRefused() {
        String token = node1.issue("JOE", "PAYROLL", List.of("PAYROLL"));
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("JOE", "SYSADM").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertTrue(node1.verify(forged).isEmpty());
        assertTrue(node1.verify(token.substring(0, token.length() - 2)).isEmpty());
        assertTrue(node1.verify("PGU1.not-base64!.x").isEmpty());
        assertTrue(node1.verify("").isEmpty());
        assertTrue(node1.verify(null).isEmpty());
    }
}
