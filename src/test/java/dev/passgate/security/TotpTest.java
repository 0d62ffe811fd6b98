package dev.passgate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The test values of RFC 6238, appendix B. */
class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59,          94287082, 46119246, 90693936",
        "1111111109,  07081804, 68084774, 25091201",
        "1111111111,  14050471, 67062674, 99943326",
        "1234567890,  89005924, 91819424, 93441116",
        "2000000000,  69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826",
    })
    void rfc6238Vectors(long time, String sha1, String sha256, String sha512) {
        assertEquals(sha1, new Totp("HmacSHA1", 8).code(SHA1_SEED, time));
        assertEquals(sha256, new Totp("HmacSHA256", 8).code(SHA256_SEED, time));
        assertEquals(sha512, new Totp("HmacSHA512", 8).code(SHA512_SEED, time));
    }

    @Test
    void verificationAcceptsOneStepOfDriftAndNoMore() {
        Totp totp = new Totp("HmacSHA1", 8);
        assertTrue(totp.verify(SHA1_SEED, "94287082", 59));
        assertTrue(totp.verify(SHA1_SEED, "94287082", 59 + 30));
        assertFalse(totp.verify(SHA1_SEED, "94287082", 59 + 60));
        assertFalse(totp.verify(SHA1_SEED, "9428708", 59));
    }

    @Test
    void authenticatorAppCodesAreTheLastSixDigits() {
        assertEquals("287082", Totp.standard().code(SHA1_SEED, 59));
    }
}
