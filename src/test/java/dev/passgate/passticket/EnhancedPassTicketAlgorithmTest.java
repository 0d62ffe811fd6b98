package dev.passgate.passticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A worked example of RACF's enhanced PassTicket algorithm: key 00 01 02 ... 3F. */
class EnhancedPassTicketAlgorithmTest {

    static PassTicketKey specKey() {
        byte[] k = new byte[64];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) i;
        }
        return PassTicketKey.enhanced(k);
    }

    private final EnhancedPassTicketAlgorithm upper = new EnhancedPassTicketAlgorithm(specKey(), PassTicketType.UPPER);
    private final EnhancedPassTicketAlgorithm mixed = new EnhancedPassTicketAlgorithm(specKey(), PassTicketType.MIXED);

    @Test
    void specExampleUpper() {
        assertEquals("1TAR4UNX", upper.generate("IBMUSER", "TSOR001", 1_700_000_000L));
        assertEquals(1_700_000_000L, upper.generationTime("IBMUSER", "TSOR001", "1TAR4UNX", 1_700_000_000L).getAsLong());
    }

    @Test
    void specExampleMixed() {
        assertEquals("pqzissRU", mixed.generate("IBMUSER", "TSOR001", 1_700_000_000L));
        assertEquals(1_700_000_000L, mixed.generationTime("IBMUSER", "TSOR001", "pqzissRU", 1_700_000_000L).getAsLong());
    }

    @Test
    void upperTicketsUseOnlyDigitsAndCapitals() {
        for (long t = 1_700_000_000L; t < 1_700_000_200L; t++) {
            assertTrue(upper.generate("IBMUSER", "TSOR001", t).matches("[0-9A-Z]{8}"));
        }
    }

    @Test
    void mixedTicketsAreCaseSensitive() {
        assertTrue(mixed.generationTime("IBMUSER", "TSOR001", "PQZISSRU", 1_700_000_000L)
                .stream().noneMatch(t -> t == 1_700_000_000L));
    }

    @Test
    void upperRefusesCharactersOutsideItsAlphabet() {
        assertTrue(upper.generationTime("IBMUSER", "TSOR001", "1tar4unx", 1_700_000_000L).isEmpty());
    }

    @Test
    void keysShorterThan32BytesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PassTicketKey.enhanced(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> PassTicketKey.enhanced(new byte[257]));
    }
}
