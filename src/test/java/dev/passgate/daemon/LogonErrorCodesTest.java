package dev.passgate.daemon;

import static dev.passgate.testkit.LineClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.security.Totp;
import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a logon can go, as a client on a real socket sees it. */
class LogonErrorCodesTest {

    private static final byte[] TOTP_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path data;
    private RunningPassGate pg;

    @BeforeEach
    void start() throws Exception {
        pg = new RunningPassGate(data, Map.of("passgate.logon.max-failures-per-minute", "6"));
        pg.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER ANN PASSWORD(First1)",
                "ADDUSER OTTO PASSWORD(Secret1) NOEXPIRED TOTP(" + HexFormat.of().formatHex(TOTP_SEED) + ")");
    }

    @AfterEach
    void stop() throws Exception {
        pg.close();
    }


    @Test
    void aPassTicketForTheDaemonsApplidLogsOn() throws Exception {
        String ticket = pg.passGate.security().passTicketGenerator().generate("JOE", "FEKAPPL").ticket();
        JsonNode r = pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"passticket\":\"" + ticket + "\"}");
        assertEquals("OK", code(r), r.toString());
        assertEquals("AUTH_FAILED", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"passticket\":\"AAAAAAAA\"}")));
    }

    @Test
    void aUserWithTotpNeedsTheCode() throws Exception {
        assertEquals("OTP_REQUIRED", code(pg.logon("{\"op\":\"logon\",\"user\":\"OTTO\",\"password\":\"Secret1\"}")));
        String otp = Totp.standard().code(TOTP_SEED, Instant.now().getEpochSecond());
        assertEquals("OK", code(pg.logon("{\"op\":\"logon\",\"user\":\"OTTO\",\"password\":\"Secret1\",\"otp\":\"" + otp
                + "\"}")));
    }

    @Test
    void anExpiredPasswordIsReportedAndCanBeChangedInTheSameRequest() throws Exception {
        assertEquals("PASSWORD_EXPIRED", code(pg.logon("{\"op\":\"logon\",\"user\":\"ANN\",\"password\":\"First1\"}")));
        assertEquals("PASSWORD_REJECTED", code(pg.logon(
                "{\"op\":\"logon\",\"user\":\"ANN\",\"password\":\"First1\",\"newPassword\":\"First1\"}")));
        assertEquals("OK", code(pg.logon(
                "{\"op\":\"logon\",\"user\":\"ANN\",\"password\":\"First1\",\"newPassword\":\"Second2\"}")));
        assertEquals("OK", code(pg.logon("{\"op\":\"logon\",\"user\":\"ANN\",\"password\":\"Second2\"}")));
    }

    @Test
    void aRevokedUserIsToldSoWhateverThePassword() throws Exception {
        pg.admin("ALTUSER JOE REVOKE");
        assertEquals("USER_REVOKED", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")));
        assertEquals("USER_REVOKED", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"wrong\"}")),
                "the answer is no oracle for the password");
    }

    @Test
    void applAccessIsChecked() throws Exception {
        pg.admin("RALTER APPL FEKAPPL UACC(NONE)");
        assertEquals("NOT_AUTHORIZED", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")));
        pg.admin("PERMIT FEKAPPL CLASS(APPL) ID(JOE) ACCESS(READ)");
        assertEquals("OK", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")));
    }

    @Test
    void replayProtectionOnTheDaemonsApplidIsASetupErrorThatSaysWhatToDefine() throws Exception {
        pg.admin("RALTER PTKTDATA FEKAPPL NOAPPLDATA");
        JsonNode r = pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}");
        assertEquals("PASSTICKET_SETUP", code(r));
        assertTrue(r.at("/error/message").asText().contains("FEKAPPL"), r.toString());
        assertEquals(0, pg.passGate.security().users().find("JOE").orElseThrow().failures(),
                "a setup problem never counts against the user");
    }

    @Test
    void failuresFromOneAddressAreRateLimitedButOthersAreNot() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertEquals("AUTH_FAILED", code(pg.logon("{\"op\":\"logon\",\"user\":\"NOBODY\",\"password\":\"x\"}")));
        }
        assertEquals("RATE_LIMITED", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")));
        try (LineClient other = new LineClient("127.0.0.2", pg.daemonPort)) {
            assertEquals("OK", code(other.request("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")));
        }
    }

    @Test
    void malformedInputGetsBadRequestAndNothingLeaks() throws Exception {
        try (LineClient daemon = new LineClient(pg.daemonPort)) {
            JsonNode notJson = daemon.request("this is not json");
            assertEquals("BAD_REQUEST", code(notJson));
            JsonNode missing = daemon.request("{\"op\":\"logon\",\"id\":5,\"user\":\"JOE\"}");
            assertEquals("BAD_REQUEST", code(missing));
            assertEquals(5, missing.get("id").asInt());
            JsonNode wrongOp = daemon.request("{\"op\":\"whoami\",\"password\":\"Secret1\"}");
            assertEquals("BAD_REQUEST", code(wrongOp));
            assertFalse(wrongOp.toString().contains("Secret1"));
            assertTrue(daemon.closedByServer(), "three attempts, then closed");
        }
        try (LineClient daemon = new LineClient(pg.daemonPort)) {
            daemon.sendRaw(new byte[] {0, (byte) 0xff, (byte) 0xfe, 1, 2, '\n'});
            assertEquals("BAD_REQUEST", code(daemon.read()));
            JsonNode mistyped = daemon.request("{\"op\":\"logon\",\"user\":42,\"password\":\"x\"}");
            assertEquals("BAD_REQUEST", code(mistyped));
        }
    }

    @Test
    void anOversizedLineIsAnsweredAndTheConnectionClosed() throws Exception {
        try (LineClient daemon = new LineClient(pg.daemonPort)) {
            daemon.send("{\"op\":\"logon\",\"user\":\"" + "A".repeat(70_000) + "\"}");
            assertEquals("LINE_TOO_LONG", code(daemon.read()));
            assertTrue(daemon.closedByServer());
        }
        assertEquals("OK", code(pg.logon("{\"op\":\"logon\",\"user\":\"JOE\",\"password\":\"Secret1\"}")),
                "the daemon keeps serving");
    }
}
