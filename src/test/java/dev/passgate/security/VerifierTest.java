package dev.passgate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.passticket.LegacyPassTicketAlgorithm;
import dev.passgate.passticket.PassTicketKey;
import dev.passgate.security.VerifyResult.Outcome;
import dev.passgate.support.RegistryTestSupport;
import dev.passgate.testkit.TestPassGate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RACROUTE VERIFY's rules: failures, revoke and resume, expiry, change at logon, OTP, certificates, PassTickets. */
class VerifierTest extends RegistryTestSupport {

    private static final String KEY = "E001193519561977";

    @BeforeEach
    void define() {
        t.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
    }

    private VerifyResult password(String user, String password) {
        return t.registry.verifier().verify(VerifyRequest.password(user, password.toCharArray()).from("127.0.0.1"));
    }

    @Test
    void aCorrectPasswordCreatesTheEnvironment() {
        VerifyResult r = password("joe", "Secret1");
        assertEquals(Outcome.SUCCESS, r.outcome());
        assertEquals("JOE", r.environment().user());
        assertEquals("SYS1", r.environment().defaultGroup());
        assertEquals(LogonMethod.PASSWORD, r.environment().method());
        assertEquals(Outcome.AUTH_FAILED, password("JOE", "secret1").outcome(), "passwords are case-sensitive");
    }

    @Test
    void unknownUserAndWrongPasswordLookTheSame() {
        VerifyResult unknown = password("NOBODY", "Secret1");
        VerifyResult wrong = password("JOE", "Wrong1");
        assertEquals(Outcome.AUTH_FAILED, unknown.outcome());
        assertEquals(unknown.outcome(), wrong.outcome());
        assertNull(unknown.environment());
        assertNull(wrong.environment());
    }

    @Test
    void theRevokeLimitRevokesAndResumeRestores() {
        t.admin("SETROPTS PASSWORD(REVOKE(3))");
        for (int i = 0; i < 3; i++) {
            assertEquals(Outcome.AUTH_FAILED, password("JOE", "Wrong" + i).outcome());
        }
        assertTrue(t.registry.users().find("JOE").orElseThrow().revoked());
        assertEquals(Outcome.USER_REVOKED, password("JOE", "Wrong").outcome(), "the answer says nothing about the password");
        assertEquals(Outcome.USER_REVOKED, password("JOE", "Secret1").outcome());
        t.admin("ALTUSER JOE RESUME");
        assertEquals(Outcome.SUCCESS, password("JOE", "Secret1").outcome());
        assertEquals(0, t.registry.users().find("JOE").orElseThrow().failures());
        assertTrue(t.registry.audit().query("JOE", AuditEvent.REVOKE, 5).size() >= 1);
    }

    @Test
    void aRevokedUserIsRevokedWhateverTheSecretAfterTheWorkOfAWrongOne() {
        t.admin("ADDUSER ANN PASSWORD(Secret1) NOEXPIRED", "ALTUSER ANN REVOKE");
        PasswordHasher hasher = t.registry.hasher();
        long wrongOnActive = iterationsOf(() -> assertEquals(Outcome.AUTH_FAILED, password("JOE", "Wrong1").outcome()));
        long wrongOnRevoked = iterationsOf(() -> assertEquals(Outcome.USER_REVOKED, password("ANN", "Wrong1").outcome()));
        long rightOnRevoked = iterationsOf(() -> assertEquals(Outcome.USER_REVOKED, password("ANN", "Secret1").outcome()));
        long unknown = iterationsOf(() -> assertEquals(Outcome.AUTH_FAILED, password("NOBODY", "Secret1").outcome()));
        assertEquals(hasher.checkCost(), wrongOnActive);
        assertEquals(wrongOnActive, wrongOnRevoked);
        assertEquals(wrongOnActive, rightOnRevoked);
        assertEquals(wrongOnActive, unknown);
        assertEquals(0, t.registry.users().find("ANN").orElseThrow().failures(), "a revoked user's guesses count nothing more");
    }

    @Test
    void aRevokedUserIsRevokedWhateverThePassTicket() {
        t.admin("RDEFINE PTKTDATA TSOR001 SSIGNON(KEYMASKED(" + KEY + ")) APPLDATA('NO REPLAY PROTECTION')",
                "ALTUSER JOE REVOKE");
        String ticket = new LegacyPassTicketAlgorithm(PassTicketKey.legacyHex(KEY)).generate("JOE", "TSOR001",
                t.clock.instant().getEpochSecond());
        assertEquals(Outcome.USER_REVOKED, t.registry.verifier().verify(VerifyRequest.passticket("JOE", ticket, "TSOR001")).outcome());
        assertEquals(Outcome.USER_REVOKED,
                t.registry.verifier().verify(VerifyRequest.passticket("JOE", "AAAAAAAA", "TSOR001")).outcome());
    }

    @Test
    void afterTheIterationSettingIsRaisedEveryCheckCostsTheNewCount() {
        int raised = 2 * Integer.parseInt(TestPassGate.TEST_ITERATIONS);
        try (SecurityRegistry node = registry(raised)) {
            long wrong = iterationsOf(node, () -> assertEquals(Outcome.AUTH_FAILED, password(node, "JOE", "Wrong1")));
            long unknown = iterationsOf(node, () -> assertEquals(Outcome.AUTH_FAILED, password(node, "NOBODY", "Wrong1")));
            assertEquals(raised, wrong, "the old record's check is padded up to the new count");
            assertEquals(raised, unknown);
            assertEquals(Outcome.SUCCESS, password(node, "JOE", "Secret1"));
            assertFalse(node.hasher().outdated(node.users().find("JOE").orElseThrow().passwordHash()),
                    "re-hashed at the successful logon");
        }
    }

    @Test
    void afterTheIterationSettingIsLoweredUnknownUsersStillCostWhatStoredRecordsCost() {
        int stored = Integer.parseInt(TestPassGate.TEST_ITERATIONS);
        try (SecurityRegistry node = registry(stored / 4)) {
            assertEquals(stored, node.hasher().checkCost(), "the largest stored count, read at start");
            long unknown = iterationsOf(node, () -> assertEquals(Outcome.AUTH_FAILED, password(node, "NOBODY", "Wrong1")));
            long wrong = iterationsOf(node, () -> assertEquals(Outcome.AUTH_FAILED, password(node, "JOE", "Wrong1")));
            assertEquals(stored, unknown);
            assertEquals(stored, wrong);
            node.commands().execute("ADDUSER ANN PASSWORD(Secret2) NOEXPIRED", "TEST");
            long cheapRecord = iterationsOf(node, () -> assertEquals(Outcome.AUTH_FAILED, password(node, "ANN", "Wrong1")));
            assertEquals(stored, cheapRecord, "a record made with the lower count is padded");
        }
    }

    @Test
    void aRecordAnotherNodeWroteWithMoreIterationsRaisesTheCostOnceSeen() {
        int base = Integer.parseInt(TestPassGate.TEST_ITERATIONS);
        PasswordHasher here = t.registry.hasher();
        try (SecurityRegistry other = registry(3 * base)) {
            other.commands().execute("ADDUSER ANN PASSWORD(Secret2) NOEXPIRED", "TEST");
        }
        assertEquals(base, here.checkCost(), "this node read the store before ANN existed");
        assertEquals(3 * base, iterationsOf(() -> password("ANN", "Wrong1")));
        assertEquals(3 * base, iterationsOf(() -> password("NOBODY", "Wrong1")), "unknown users now cost as much");
        assertEquals(3 * base, iterationsOf(() -> password("JOE", "Wrong1")));
    }

    @Test
    void aMalformedStoredRecordCostsAFullCheckAndNeverMatches() {
        UserRecord joe = t.registry.users().find("JOE").orElseThrow();
        t.registry.users().update(joe.withPasswordHash("pbkdf2-sha512:x:y:z"));
        assertEquals(t.registry.hasher().checkCost(),
                iterationsOf(() -> assertEquals(Outcome.AUTH_FAILED, password("JOE", "Secret1").outcome())));
    }

    private long iterationsOf(Runnable check) {
        return iterationsOf(t.registry, check);
    }

    private static long iterationsOf(SecurityRegistry registry, Runnable check) {
        long before = registry.hasher().iterationsSpent();
        check.run();
        return registry.hasher().iterationsSpent() - before;
    }

    private SecurityRegistry registry(int iterations) {
        return new SecurityRegistry(t.database.dataSource(), HexFormat.of().parseHex(TestPassGate.MASTER_KEY), iterations,
                t.clock, "PG01", List.of());
    }

    private static Outcome password(SecurityRegistry registry, String user, String password) {
        return registry.verifier().verify(VerifyRequest.password(user, password.toCharArray())).outcome();
    }

    @Test
    void aSuccessfulLogonResetsTheFailureCount() {
        t.admin("SETROPTS PASSWORD(REVOKE(3))");
        password("JOE", "Wrong");
        password("JOE", "Wrong");
        password("JOE", "Secret1");
        password("JOE", "Wrong");
        password("JOE", "Wrong");
        assertFalse(t.registry.users().find("JOE").orElseThrow().revoked());
    }

    @Test
    void aPasswordSetByAdduserIsExpiredAndChangedAtLogon() {
        t.admin("ADDUSER ANN PASSWORD(First1)");
        assertEquals(Outcome.PASSWORD_EXPIRED, password("ANN", "First1").outcome());
        assertEquals(Outcome.AUTH_FAILED, password("ANN", "first1").outcome(), "expiry shows only after a correct password");
        VerifyRequest change = VerifyRequest.password("ANN", "First1".toCharArray()).withNewPassword("Second2".toCharArray());
        assertEquals(Outcome.PASSWORD_REJECTED, t.registry.verifier().verify(
                VerifyRequest.password("ANN", "First1".toCharArray()).withNewPassword("First1".toCharArray())).outcome());
        assertEquals(Outcome.SUCCESS, t.registry.verifier().verify(change).outcome());
        assertEquals(Outcome.SUCCESS, password("ANN", "Second2").outcome());
        assertEquals(Outcome.AUTH_FAILED, password("ANN", "First1").outcome());
    }

    @Test
    void aPasswordExpiresAfterItsInterval() {
        t.admin("ALTUSER JOE INTERVAL(30)");
        t.clock.advance(Duration.ofDays(31));
        assertEquals(Outcome.PASSWORD_EXPIRED, password("JOE", "Secret1").outcome());
    }

    @Test
    void aPhraseLogsOnLikeAPassword() {
        t.admin("ALTUSER JOE PHRASE('correct horse battery') NOEXPIRED");
        assertEquals(Outcome.SUCCESS, password("JOE", "correct horse battery").outcome());
        assertEquals(Outcome.SUCCESS, password("JOE", "Secret1").outcome());
    }

    @Test
    void aProtectedUserNeverLogsOnWithAPassword() {
        t.admin("ADDUSER SVC PASSWORD(Secret1) NOEXPIRED", "ALTUSER SVC NOPASSWORD");
        assertEquals(Outcome.AUTH_FAILED, password("SVC", "Secret1").outcome());
        assertTrue(t.registry.users().find("SVC").orElseThrow().protectedUser());
    }

    @Test
    void aUserWithATotpSecretNeedsTheCurrentCode() {
        byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        t.admin("ALTUSER JOE TOTP(" + HexFormat.of().formatHex(seed) + ")");
        assertEquals(Outcome.OTP_REQUIRED, password("JOE", "Secret1").outcome());
        String code = Totp.standard().code(seed, t.clock.instant().getEpochSecond());
        VerifyRequest withOtp = VerifyRequest.password("JOE", "Secret1".toCharArray());
        assertEquals(Outcome.SUCCESS, t.registry.verifier().verify(withOtp.withOtp(code)).outcome());
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertEquals(Outcome.AUTH_FAILED, t.registry.verifier().verify(withOtp.withOtp(wrong)).outcome());
        assertEquals(1, t.registry.users().find("JOE").orElseThrow().failures(), "a wrong code counts as a failure");
    }

    @Test
    void aMappedCertificateLogsOnItsUser() {
        t.registry.users().mapCertificate("CN=Joe,O=Example", null, "JOE");
        t.admin("RACDCERT ID(JOE) MAP SDNFILTER('CN=Ann,O=Example') IDNFILTER('CN=Good CA')");
        VerifyResult r = t.registry.verifier().verify(VerifyRequest.certificate("CN=Joe,O=Example", "CN=Any CA"));
        assertEquals(Outcome.SUCCESS, r.outcome());
        assertEquals(LogonMethod.CERTIFICATE, r.environment().method());
        assertEquals(Outcome.SUCCESS, t.registry.verifier().verify(
                VerifyRequest.certificate("CN=Ann,O=Example", "CN=Good CA")).outcome());
        assertEquals(Outcome.AUTH_FAILED, t.registry.verifier().verify(
                VerifyRequest.certificate("CN=Ann,O=Example", "CN=Other CA")).outcome(), "the issuer is part of the mapping");
        t.admin("ALTUSER JOE REVOKE");
        assertEquals(Outcome.USER_REVOKED, t.registry.verifier().verify(
                VerifyRequest.certificate("CN=Joe,O=Example", "CN=Any CA")).outcome());
    }

    @Test
    void aPassTicketVerifiesThroughThePtktdataProfileOnceWithReplayProtection() {
        t.admin("RDEFINE PTKTDATA TSOR001 SSIGNON(KEYMASKED(" + KEY + "))");
        String ticket = new LegacyPassTicketAlgorithm(PassTicketKey.legacyHex(KEY)).generate("JOE", "TSOR001",
                t.clock.instant().getEpochSecond());
        VerifyResult first = t.registry.verifier().verify(VerifyRequest.passticket("JOE", ticket, "TSOR001"));
        assertEquals(Outcome.SUCCESS, first.outcome());
        assertEquals(LogonMethod.PASSTICKET, first.environment().method());
        assertEquals(Outcome.AUTH_FAILED,
                t.registry.verifier().verify(VerifyRequest.passticket("JOE", ticket, "TSOR001")).outcome());
    }

    @Test
    void withReplayBypassedTheSameTicketVerifiesAgain() {
        t.admin("RDEFINE PTKTDATA FEKAPPL SSIGNON(KEYMASKED(" + KEY + ")) APPLDATA('NO REPLAY PROTECTION – DO NOT CHANGE')");
        String ticket = new LegacyPassTicketAlgorithm(PassTicketKey.legacyHex(KEY)).generate("JOE", "FEKAPPL",
                t.clock.instant().getEpochSecond());
        for (int i = 0; i < 2; i++) {
            assertEquals(Outcome.SUCCESS,
                    t.registry.verifier().verify(VerifyRequest.passticket("JOE", ticket, "FEKAPPL")).outcome());
        }
    }

    @Test
    void aQualifiedPtktdataProfileForTheUsersGroupWins() {
        String groupKey = "0123456789ABCDEF";
        t.admin("ADDGROUP OPS", "ALTUSER JOE DFLTGRP(OPS)",
                "RDEFINE PTKTDATA TSOR001 SSIGNON(KEYMASKED(" + KEY + ")) APPLDATA('NO REPLAY PROTECTION')",
                "RDEFINE PTKTDATA TSOR001.OPS SSIGNON(KEYMASKED(" + groupKey + ")) APPLDATA('NO REPLAY PROTECTION')");
        long now = t.clock.instant().getEpochSecond();
        String byGroupKey = new LegacyPassTicketAlgorithm(PassTicketKey.legacyHex(groupKey)).generate("JOE", "TSOR001", now);
        String byApplKey = new LegacyPassTicketAlgorithm(PassTicketKey.legacyHex(KEY)).generate("JOE", "TSOR001", now);
        assertEquals(Outcome.SUCCESS, t.registry.verifier().verify(VerifyRequest.passticket("JOE", byGroupKey, "TSOR001")).outcome());
        assertEquals(Outcome.AUTH_FAILED, t.registry.verifier().verify(VerifyRequest.passticket("JOE", byApplKey, "TSOR001")).outcome());
    }

    @Test
    void aMissingPtktdataProfileIsASetupProblemNotAWrongTicket() {
        VerifyResult r = t.registry.verifier().verify(VerifyRequest.passticket("JOE", "ZVQLMCAN", "NOAPPL"));
        assertEquals(Outcome.PASSTICKET_SETUP, r.outcome());
        assertTrue(r.detail().contains("NOAPPL"));
        assertEquals(0, t.registry.users().find("JOE").orElseThrow().failures());
    }

    @Test
    void passTicketsMadeAndCheckedAreAuditedWithoutTheTicket() {
        t.admin("RDEFINE PTKTDATA TSOR001 SSIGNON(KEYMASKED(" + KEY + "))");
        String ticket = t.registry.passTicketGenerator().generate("JOE", "TSOR001").ticket();
        t.registry.passTicketEvaluator().evaluate("JOE", "TSOR001", ticket);
        assertEquals("GENERATED", t.registry.audit().query("JOE", AuditEvent.PTKT_GENERATE, 1).get(0).outcome());
        var evaluated = t.registry.audit().query("JOE", AuditEvent.PTKT_EVALUATE, 1).get(0);
        assertEquals("VALID", evaluated.outcome());
        assertFalse(evaluated.line().contains(ticket));
    }

    @Test
    void aSessionsOwnEnvironmentsTakeAFreshTicketEachAndAreAuditedInOneRecord() {
        t.admin("RDEFINE PTKTDATA TSOR001 SSIGNON(KEYMASKED(" + KEY + ")) APPLDATA('NO REPLAY PROTECTION')");
        SecurityEnvironment logon = password("JOE", "Secret1").environment();
        PassTicketEnvironments environments = t.registry.sessionEnvironments("TSOR001");
        VerifyResult session = environments.build(logon, "127.0.0.1");
        VerifyResult miner = environments.build(logon, "127.0.0.1");
        environments.recordSession("JOE", "127.0.0.1", List.of("files"));
        assertEquals(Outcome.SUCCESS, session.outcome(), session.detail());
        assertEquals(LogonMethod.PASSTICKET, miner.environment().method());
        assertEquals(logon.groups(), miner.environment().groups());
        assertEquals(List.of(), t.registry.audit().query("JOE", AuditEvent.PTKT_GENERATE, 10));
        assertEquals(List.of(), t.registry.audit().query("JOE", AuditEvent.PTKT_EVALUATE, 10));
        assertEquals(1, t.registry.audit().query("JOE", AuditEvent.VERIFY, 10).size(), "only the password verify");
        var recorded = t.registry.audit().query("JOE", AuditEvent.SESSION_ENVIRONMENTS, 10);
        assertEquals(1, recorded.size(), recorded.toString());
        assertEquals("SUCCESS", recorded.get(0).outcome());
        assertEquals("session and miners files, each from a fresh PassTicket for TSOR001", recorded.get(0).detail());
    }

    @Test
    void aSessionsOwnEnvironmentThatCannotBeBuiltIsAuditedAtOnce() {
        t.admin("RDEFINE PTKTDATA TSOR001 SSIGNON(KEYMASKED(" + KEY + "))"); // replay protected: a ticket counts once
        SecurityEnvironment logon = password("JOE", "Secret1").environment();
        PassTicketEnvironments environments = t.registry.sessionEnvironments("TSOR001");
        assertEquals(Outcome.SUCCESS, environments.build(logon, "127.0.0.1").outcome());
        VerifyResult again = environments.build(logon, "127.0.0.1"); // the same second's ticket again
        assertEquals(Outcome.AUTH_FAILED, again.outcome(), again.detail());
        var recorded = t.registry.audit().query("JOE", AuditEvent.SESSION_ENVIRONMENTS, 10);
        assertEquals(List.of("AUTH_FAILED"), recorded.stream().map(AuditLog.Entry::outcome).toList());
        assertTrue(recorded.get(0).detail().startsWith("environment not built: "), recorded.get(0).detail());
    }

    @Test
    void environmentsForAVerifiedUserEachTakeAFreshTicketThatIsEvaluatedAndAudited() {
        t.admin("RDEFINE PTKTDATA TSOR001 SSIGNON(KEYMASKED(" + KEY + ")) APPLDATA('NO REPLAY PROTECTION')");
        SecurityEnvironment logon = password("JOE", "Secret1").environment();
        var environments = new PassTicketEnvironments(t.registry.passTicketGenerator(), t.registry.verifier(), "TSOR001");
        VerifyResult session = environments.build(logon, "127.0.0.1");
        VerifyResult miner = environments.build(logon, "127.0.0.1");
        assertEquals(Outcome.SUCCESS, session.outcome(), session.detail());
        assertEquals(Outcome.SUCCESS, miner.outcome(), miner.detail());
        assertEquals(LogonMethod.PASSTICKET, miner.environment().method());
        assertEquals(logon.groups(), miner.environment().groups());
        assertEquals(2, t.registry.audit().query("JOE", AuditEvent.PTKT_GENERATE, 10).size());
        var evaluated = t.registry.audit().query("JOE", AuditEvent.PTKT_EVALUATE, 10);
        assertEquals(List.of("VALID", "VALID"), evaluated.stream().map(AuditLog.Entry::outcome).toList());
        var verifies = t.registry.audit().query("JOE", AuditEvent.VERIFY, 10);
        assertEquals(3, verifies.size(), "the password verify and one PassTicket verify per environment");
        assertTrue(verifies.get(0).detail().startsWith("PASSTICKET"));
    }

    @Test
    void everyVerifyIsAudited() {
        password("JOE", "Secret1");
        password("JOE", "Wrong");
        var entries = t.registry.audit().query("JOE", AuditEvent.VERIFY, 10);
        assertEquals(2, entries.size());
        assertEquals("AUTH_FAILED", entries.get(0).outcome());
        assertEquals("SUCCESS", entries.get(1).outcome());
        assertEquals("127.0.0.1", entries.get(1).actor());
    }
}
