package dev.passgate.passticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RACF's user ID rules, checked on the characters as given, before any case mapping. */
class RacfNameTest {

    @Test
    void asciiNamesAreUpperCased() {
        assertEquals("JOE", RacfName.normalize("joe", "user ID"));
        assertEquals("A1#$@", RacfName.normalize("a1#$@", "user ID"));
        assertEquals("IBMUSER8", RacfName.normalize("IbmUser8", "user ID"));
    }

    @Test
    void lettersThatUpperCaseIntoAsciiAreRefused() {
        // long s, dotless i, Kelvin sign, the fi ligature, sharp s
        for (String name : new String[] {"\u017f\u0131\u017f", "\u017fIS", "JO\u0131", "\u212aEN", "\ufb01", "stra\u00dfe"}) {
            assertFalse(RacfName.isValid(name), name);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RacfName.normalize(name, "user ID"));
            assertTrue(e.getMessage().contains("may only contain"), e.getMessage());
        }
    }

    @Test
    void lengthAndFirstCharacterFollowRacf() {
        assertTrue(RacfName.isValid("ABCDEFGH"));
        assertFalse(RacfName.isValid("ABCDEFGHI"));
        assertFalse(RacfName.isValid("1ABC"));
        assertFalse(RacfName.isValid("\u0661BC"), "an Arabic-Indic digit is no RACF character either");
        assertTrue(RacfName.isValid("#1"));
        assertFalse(RacfName.isValid(""));
        assertFalse(RacfName.isValid(null));
        assertFalse(RacfName.isValid("JO E"));
    }
}
