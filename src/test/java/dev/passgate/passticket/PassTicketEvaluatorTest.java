package dev.passgate.passticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.passticket.Evaluation.Outcome;
import dev.passgate.store.Database;
import dev.passgate.support.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles, replay protection on a real database (H2 here), and what each failure is called. */
class PassTicketEvaluatorTest {

    private static final long NOW = 1_700_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final PassTicketKey LEGACY = PassTicketKey.legacyHex("E001193519561977");

    @TempDir
    Path folder;
    private Database database;
    private final Map<String, PassTicketDefinition> profiles = new HashMap<>();
    private final PassTicketDefinitionResolver resolver = name -> Optional.ofNullable(profiles.get(name));

    protected TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }

    @BeforeEach
    void open() {
        database = TestDatabases.open(engine(), folder);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private PassTicketEvaluator evaluator() {
        return new PassTicketEvaluator(resolver, new JdbcReplayStore(database.dataSource()), CLOCK);
    }

    private static PassTicketDefinition legacy(String profile, PassTicketKey key, String appldata) {
        return new PassTicketDefinition(profile, key, null, null, 60, false, appldata);
    }

    @Test
    void aLegacyTicketIsAcceptedOnceByDefault() {
        profiles.put("TSOR001", legacy("TSOR001", LEGACY, null));
        Evaluation first = evaluator().evaluate("ibmuser", "tsor001", "ZVQLMCAN");
        assertEquals(Outcome.VALID, first.outcome());
        assertEquals(NOW, first.generationTime());
        assertEquals(PassTicketType.LEGACY, first.type());
        assertEquals(Outcome.REPLAYED, evaluator().evaluate("IBMUSER", "TSOR001", "ZVQLMCAN").outcome());
        // The next second's ticket is another ticket.
        assertEquals(Outcome.VALID, evaluator().evaluate("IBMUSER", "TSOR001", "K8DZ5V46").outcome());
    }

    @Test
    void appldataNoReplayProtectionLetsALegacyTicketBeReused() {
        profiles.put("TSOR001", legacy("TSOR001", LEGACY, "NO REPLAY PROTECTION - DO NOT CHANGE"));
        assertEquals(Outcome.VALID, evaluator().evaluate("IBMUSER", "TSOR001", "ZVQLMCAN").outcome());
        assertEquals(Outcome.VALID, evaluator().evaluate("IBMUSER", "TSOR001", "ZVQLMCAN").outcome());
    }

    @Test
    void replayYesLetsAnEnhancedTicketBeReusedAndReplayNoDoesNot() {
        PassTicketKey key = EnhancedPassTicketAlgorithmTest.specKey();
        profiles.put("TSOR001", new PassTicketDefinition("TSOR001", null, key, PassTicketType.MIXED, 60, false, null));
        assertEquals(Outcome.VALID, evaluator().evaluate("IBMUSER", "TSOR001", "pqzissRU").outcome());
        assertEquals(Outcome.REPLAYED, evaluator().evaluate("IBMUSER", "TSOR001", "pqzissRU").outcome());

        profiles.put("TSOR002", new PassTicketDefinition("TSOR002", null, key, PassTicketType.MIXED, 60, true, null));
        String ticket = new PassTicketGenerator(resolver, CLOCK).generate("IBMUSER", "TSOR002").ticket();
        assertEquals(Outcome.VALID, evaluator().evaluate("IBMUSER", "TSOR002", ticket).outcome());
        assertEquals(Outcome.VALID, evaluator().evaluate("IBMUSER", "TSOR002", ticket).outcome());
    }

    @Test
    void twoNodesOnOneDatabaseSeeEachOthersUses() {
        profiles.put("TSOR001", legacy("TSOR001", LEGACY, null));
        try (Database otherNode = TestDatabases.openAgain(database, folder)) {
            PassTicketEvaluator nodeB = new PassTicketEvaluator(resolver, new JdbcReplayStore(otherNode.dataSource()), CLOCK);
            assertEquals(Outcome.VALID, evaluator().evaluate("IBMUSER", "TSOR001", "ZVQLMCAN").outcome());
            assertEquals(Outcome.REPLAYED, nodeB.evaluate("IBMUSER", "TSOR001", "ZVQLMCAN").outcome());
        }
    }

    @Test
    void purgeForgetsOnlyUsesWhoseTicketsHaveExpired() {
        JdbcReplayStore store = new JdbcReplayStore(database.dataSource());
        assertTrue(store.recordFirstUse("IBMUSER", "TSOR001", PassTicketType.LEGACY, NOW - 700, NOW - 99));
        assertTrue(store.recordFirstUse("IBMUSER", "TSOR001", PassTicketType.LEGACY, NOW, NOW + 601));
        assertEquals(1, store.purgeExpired(NOW));
        assertTrue(store.recordFirstUse("IBMUSER", "TSOR001", PassTicketType.LEGACY, NOW - 700, NOW - 99));
        assertFalse(store.recordFirstUse("IBMUSER", "TSOR001", PassTicketType.LEGACY, NOW, NOW + 601));
    }

    @Test
    void qualifiedProfilesAreTriedBeforeTheApplidProfile() {
        PassTicketKey userKey = PassTicketKey.legacyHex("0123456789ABCDEF");
        PassTicketKey groupKey = PassTicketKey.legacyHex("FEDCBA9876543210");
        profiles.put("TSOR001", legacy("TSOR001", LEGACY, "NO REPLAY PROTECTION"));
        profiles.put("TSOR001.SYSPROG.IBMUSER", legacy("TSOR001.SYSPROG.IBMUSER", userKey, "NO REPLAY PROTECTION"));
        profiles.put("TSOR001.SYSPROG", legacy("TSOR001.SYSPROG", groupKey, "NO REPLAY PROTECTION"));

        String byUserKey = new LegacyPassTicketAlgorithm(userKey).generate("IBMUSER", "TSOR001", NOW);
        String byGroupKey = new LegacyPassTicketAlgorithm(groupKey).generate("IBMUSER", "TSOR001", NOW);

        Evaluation e = evaluator().evaluate("IBMUSER", "SYSPROG", "TSOR001", byUserKey);
        assertEquals(Outcome.VALID, e.outcome());
        assertEquals("TSOR001.SYSPROG.IBMUSER", e.profile());
        // The most specific profile decides: the APPLID profile's ticket is not accepted for this user.
        assertEquals(Outcome.INVALID, evaluator().evaluate("IBMUSER", "SYSPROG", "TSOR001", "ZVQLMCAN").outcome());
        // Another user of the group falls to APPL.GROUP.
        String otherUser = new LegacyPassTicketAlgorithm(groupKey).generate("JOE", "TSOR001", NOW);
        assertEquals("TSOR001.SYSPROG", evaluator().evaluate("JOE", "SYSPROG", "TSOR001", otherUser).profile());
        // Without the group only APPL.USER and APPL apply.
        assertEquals("TSOR001", evaluator().evaluate("IBMUSER", "TSOR001", "ZVQLMCAN").profile());
        assertEquals(Outcome.INVALID, evaluator().evaluate("IBMUSER", "TSOR001", byGroupKey).outcome());
    }

    @Test
    void anApplicationWithBothKeysAcceptsEitherAndGeneratesEnhanced() {
        PassTicketKey enhanced = EnhancedPassTicketAlgorithmTest.specKey();
        profiles.put("TSOR001", new PassTicketDefinition("TSOR001", LEGACY, enhanced, PassTicketType.UPPER, 60, true,
                "NO REPLAY PROTECTION"));
        GeneratedTicket made = new PassTicketGenerator(resolver, CLOCK).generate("IBMUSER", "TSOR001");
        assertEquals(PassTicketType.UPPER, made.type());
        assertEquals("1TAR4UNX", made.ticket());
        assertEquals(PassTicketType.UPPER, evaluator().evaluate("IBMUSER", "TSOR001", "1TAR4UNX").type());
        assertEquals(PassTicketType.LEGACY, evaluator().evaluate("IBMUSER", "TSOR001", "ZVQLMCAN").type());
    }

    @Test
    void failuresSayWhatIsWrong() {
        assertEquals(Outcome.NO_PROFILE, evaluator().evaluate("IBMUSER", "TSOR001", "ZVQLMCAN").outcome());
        profiles.put("TSOR001", new PassTicketDefinition("TSOR001", null, null, null, 60, false, null));
        assertEquals(Outcome.NO_KEY, evaluator().evaluate("IBMUSER", "TSOR001", "ZVQLMCAN").outcome());
        profiles.put("TSOR001", legacy("TSOR001", PassTicketKey.legacyHex("1111111111111111"), null));
        assertEquals(Outcome.INVALID, evaluator().evaluate("IBMUSER", "TSOR001", "ZVQLMCAN").outcome());
        assertEquals(Outcome.INVALID, evaluator().evaluate("IBMUSER", "TSOR001", "short").outcome());
    }

    @Test
    void outcomesAreSafeToLog() {
        profiles.put("TSOR001", legacy("TSOR001", LEGACY, null));
        Evaluation e = evaluator().evaluate("IBMUSER", "TSOR001", "ZVQLMCAN");
        assertFalse(e.describe().contains("ZVQLMCAN"));
        assertFalse(e.toString().contains("ZVQLMCAN"));
        assertFalse(profiles.get("TSOR001").toString().contains("E001193519561977"));
        assertFalse(LEGACY.toString().contains("E001193519561977"));
    }

    @Test
    void generationWithoutADefinitionNamesWhatToDefine() {
        PassTicketSetupException e = assertThrows(PassTicketSetupException.class,
                () -> new PassTicketGenerator(resolver, CLOCK).generate("IBMUSER", "FEKAPPL"));
        assertTrue(e.getMessage().contains("FEKAPPL"));
        assertTrue(e.getMessage().contains("PTKTDATA"));
    }

    @Test
    void namesThatBreakRacfRulesAreRefused() {
        PassTicketGenerator generator = new PassTicketGenerator(resolver, CLOCK);
        assertThrows(IllegalArgumentException.class, () -> generator.generate("TOOLONGID", "TSOR001"));
        assertThrows(IllegalArgumentException.class, () -> generator.generate("1BMUSER", "TSOR001"));
        assertThrows(IllegalArgumentException.class, () -> generator.generate("IBM-USER", "TSOR001"));
    }
}
