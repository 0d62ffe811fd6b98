package dev.passgate.passticket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A worked example of RACF's legacy PassTicket algorithm, step by step. */
class LegacyPassTicketAlgorithmTest {

    private static final PassTicketKey KEY = PassTicketKey.legacyHex("E001193519561977");
    private final LegacyPassTicketAlgorithm algorithm = new LegacyPassTicketAlgorithm(KEY);

    @Test
    void workedExampleFromTheSpec() {
        assertEquals("ZVQLMCAN", algorithm.generate("IBMUSER", "TSOR001", 1_700_000_000L));
        assertEquals("K8DZ5V46", algorithm.generate("IBMUSER", "TSOR001", 1_700_000_001L));
    }

    @Test
    void evaluationRunsBackToTheGenerationSecond() {
        assertEquals(1_700_000_000L, algorithm.generationTime("IBMUSER", "TSOR001", "ZVQLMCAN", 1_700_000_000L).getAsLong());
        assertEquals(1_700_000_001L, algorithm.generationTime("IBMUSER", "TSOR001", "K8DZ5V46", 1_700_000_000L).getAsLong());
    }

    @Test
    void permutationTableOneMatchesTheSpec() {
        assertEquals(0xA32A, LegacyPassTicketAlgorithm.permute(0x017B, 1));
    }

    @Test
    void translationMatchesTheSpec() {
        assertEquals("QHOAH1TV", LegacyPassTicketAlgorithm.translate(0x07247F79));
        assertEquals("ZVQLMCAN", LegacyPassTicketAlgorithm.translate(0x950B024D));
        int[] back = LegacyPassTicketAlgorithm.untranslate("QHOAH1TV");
        assertTrue(java.util.Arrays.stream(back).anyMatch(v -> v == 0x07247F79));
    }

    @Test
    void userIdIsPaddedWithBlanksAndTheTimeCoderPadWithX55() {
        assertArrayEquals(new byte[] {(byte) 0xC9, (byte) 0xC2, (byte) 0xD4, (byte) 0xE4, (byte) 0xE2, (byte) 0xC5,
            (byte) 0xD9, 0x40}, RacfName.padded("IBMUSER"));
        assertArrayEquals(new byte[] {(byte) 0xE3, (byte) 0xD6, (byte) 0xD4}, RacfName.unpadded("TOM"));
    }

    @Test
    void parityBitsOfTheKeyAreIgnored() {
        byte[] flipped = KEY.bytes();
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] ^= 0x01;
        }
        var other = new LegacyPassTicketAlgorithm(PassTicketKey.legacy(flipped));
        assertEquals("ZVQLMCAN", other.generate("IBMUSER", "TSOR001", 1_700_000_000L));
    }

    @Test
    void timesAfter2038AreUnsigned() {
        long after2038 = 0x8000_0000L + 12_345; // 2038-01-19 and a bit
        long in2106 = 0xFFFF_FFF0L;
        for (long t : new long[] {after2038, in2106}) {
            String ticket = algorithm.generate("IBMUSER", "TSOR001", t);
            assertEquals(t, algorithm.generationTime("IBMUSER", "TSOR001", ticket, t).getAsLong());
        }
        assertThrows(IllegalArgumentException.class, () -> algorithm.generate("IBMUSER", "TSOR001", 0x1_0000_0000L));
    }

    @Test
    void textThatIsNotATicketHasNoGenerationTime() {
        assertTrue(algorithm.generationTime("IBMUSER", "TSOR001", "zvqlmcan", 0).isEmpty());
        assertTrue(algorithm.generationTime("IBMUSER", "TSOR001", "ZVQLMCA", 0).isEmpty());
        assertTrue(algorithm.generationTime("IBMUSER", "TSOR001", "ZVQLMCA!", 0).isEmpty());
    }
}
