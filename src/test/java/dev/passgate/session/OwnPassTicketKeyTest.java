package dev.passgate.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.passgate.testkit.LineClient;
import dev.passgate.testkit.RunningPassGate;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user whose PassTickets for PassGate's APPLID are made with a key of their own (a qualified
 * PTKTDATA profile, APPL.USER or APPL.GROUP.USER) still gets a session: the tickets PassGate makes
 * for the user's own environments use the profile their evaluation uses.
 */
class OwnPassTicketKeyTest {

    @TempDir
    Path data;

    @Test
    void aUserWithAKeyOfTheirOwnLogsOnAndGetsTheMiners() throws Exception {
        try (RunningPassGate pg = new RunningPassGate(data, Map.of())) {
            pg.admin("ADDUSER TIX PASSWORD(Secret1) NOEXPIRED", "ADDUSER ANN PASSWORD(Secret1) DFLTGRP(SYS1) NOEXPIRED",
                    // As for the APPLID's own profile: a session's environments share one ticket's second.
                    "RDEFINE PTKTDATA FEKAPPL.TIX SSIGNON(KEYMASKED(E001193519561977)) APPLDATA('NO REPLAY PROTECTION')",
                    "RDEFINE PTKTDATA FEKAPPL.SYS1.ANN SSIGNON(KEYMASKED(0123456789ABCDEF)) APPLDATA('NO REPLAY PROTECTION')");
            for (String user : new String[] {"TIX", "ANN"}) {
                try (LineClient s = pg.session(user, "Secret1")) {
                    assertEquals(user, s.request("{\"op\":\"whoami\"}").get("user").asText());
                    assertEquals("OK", LineClient.code(s.request("{\"op\":\"files.list\",\"path\":\".\"}")));
                }
            }
        }
    }
}
