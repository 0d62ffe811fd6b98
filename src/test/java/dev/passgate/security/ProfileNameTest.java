package dev.passgate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RACF's generic characters for general resources, and which matching profile is most specific. */
class ProfileNameTest {

    @ParameterizedTest
    @CsvSource({
        "IRRPTAUTH.FEKAPPL.*,  IRRPTAUTH.FEKAPPL.JOE,    true",
        "IRRPTAUTH.FEKAPPL.*,  IRRPTAUTH.CICS.JOE,       false",
        "AB.CD*,               AB.CD,                    true",
        "AB.CD*,               AB.CDEF,                  true",
        "AB.CD*,               AB.CDEF.GH,               true",   // a trailing * runs to the end of the name
        "AB.*.EF,              AB.CD.EF,                 true",
        "AB.*.EF,              AB.CD.XY.EF,              false",  // a * inside stays within one qualifier
        "AB.**,                AB,                       true",   // ** is zero or more qualifiers
        "AB.**,                AB.CD.EF,                 true",
        "AB.**.EF,             AB.CD.XY.EF,              true",
        "AB.CD%,               AB.CDE,                   true",
        "AB.CD%,               AB.CD,                    false",
        "AB.CD%,               AB.CDEF,                  false",
        "AB.%D,                AB..D,                    false",  // % never matches a period
        "EZB.IOCTL.*.*.PARTNERINFO, EZB.IOCTL.PG01.TCPIP.PARTNERINFO, true",
    })
    void genericCharactersMatchAsRacfDefinesThem(String profile, String resource, boolean matches) {
        assertEquals(matches, new ProfileName(profile).matches(resource));
    }

    @ParameterizedTest
    @CsvSource({
        "/shared/**,  /shared,            true",
        "/shared/**,  /shared/a/b.txt,    true",
        "/shared/**,  /sharedother,       false",
        "/u/*/docs,   /u/joe/docs,        true",
        "/u/*/docs,   /u/a/b/docs,        false",
        "/u/joe/*,    /u/joe/a.txt,       true",
    })
    void fileProfilesSeparateQualifiersWithSlashes(String profile, String path, boolean matches) {
        assertEquals(matches, new ProfileName(profile, '/').matches(path));
    }

    @Test
    void aDiscreteNameMatchesOnlyItself() {
        ProfileName discrete = new ProfileName("FEKAPPL");
        assertFalse(discrete.generic());
        assertTrue(discrete.matches("FEKAPPL"));
        assertFalse(discrete.matches("FEKAPPLX"));
    }

    @Test
    void theMostSpecificMatchingProfileSortsFirst() {
        assertEquals("IRRPTAUTH.FEKAPPL.JOE", mostSpecific("IRRPTAUTH.**", "IRRPTAUTH.FEKAPPL.*", "IRRPTAUTH.FEKAPPL.JOE"));
        assertEquals("IRRPTAUTH.FEKAPPL.*", mostSpecific("IRRPTAUTH.**", "IRRPTAUTH.FEKAPPL.*", "IRRPTAUTH.*.JOE"));
        assertEquals("AB.CD%", mostSpecific("AB.CD*", "AB.CD%"));
        assertEquals("AB.CD.*", mostSpecific("AB.*.EF", "AB.CD.*"));
        assertEquals("AB.CD*", mostSpecific("AB.**", "AB.CD*"));
    }

    private static String mostSpecific(String... names) {
        List<ProfileName> sorted = Stream.of(names).map(ProfileName::new).sorted().toList();
        return sorted.get(0).name();
    }
}
