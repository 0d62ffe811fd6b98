package dev.passgate.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.exit.ExitKeys;
import dev.passgate.exit.ExitSettings;
import dev.passgate.exit.ExitSubject;
import dev.passgate.exit.LoginExitAdapter;
import dev.passgate.exit.LoginExits;
import dev.passgate.exit.SecurityMode;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.JsonLines;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.security.VerifyRequest;
import dev.passgate.support.TestRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each logon step on its own: an exchange carrying only what the step's contract says it reads. */
class LogonStepsTest {

    private final CamelContext context = new DefaultCamelContext();
    private final JsonLines lines = new JsonLines(64 * 1024);

    @TempDir
    Path folder;

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    private Exchange parsed(String line) throws Exception {
        Exchange e = new DefaultExchange(context);
        e.getMessage().setBody(line);
        new ParseLogonProcessor(lines).process(e);
        return e;
    }

    private static ProtocolException refused(Exchange e, org.apache.camel.Processor step) {
        return assertThrows(ProtocolException.class, () -> step.process(e));
    }

    @Test
    void parseNamesTheKindOfEachLogonAndTheAddress() throws Exception {
        Exchange password = parsed("{\"op\":\"logon\",\"user\":\"joe\",\"password\":\"x\"}");
        assertEquals(LogonKind.PASSWORD, LogonKeys.KIND.get(password));
        assertEquals("unknown", LogonKeys.REQUEST.get(password).address());
        assertEquals(LogonKind.PASSTICKET, LogonKeys.KIND.get(parsed("{\"op\":\"logon\",\"user\":\"j\",\"passticket\":\"T\"}")));
        assertEquals(LogonKind.CERTIFICATE, LogonKeys.KIND.get(parsed("{\"op\":\"logon\",\"certificate\":true}")));
        // A trusted logon stays trusted whatever else it carries: the partner, not a secret, decides.
        assertEquals(LogonKind.TRUSTED, LogonKeys.KIND.get(parsed(
                "{\"op\":\"logon\",\"trusted\":true,\"certificate\":true,\"passticket\":\"T\"}")));
    }

    @Test
    void parseRefusesAnotherOperation() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> parsed("{\"op\":\"whoami\"}"));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
    }

    @Test
    void theClaimIsTheNamedUserInCapitalsOrNobody() throws Exception {
        Exchange e = parsed("{\"op\":\"logon\",\"user\":\"joe\",\"password\":\"x\"}");
        new ClaimUserProcessor().process(e);
        assertEquals(new ClaimedUser("JOE", null), LogonKeys.CLAIM.get(e));
        assertEquals(ExitSubject.logon("JOE", LogonKeys.REQUEST.get(e).address()), ExitKeys.SUBJECT.get(e),
                "the exits hear of the same user");
        Exchange bad = parsed("{\"op\":\"logon\",\"user\":\"not a user\",\"password\":\"x\"}");
        new ClaimUserProcessor().process(bad);
        assertNull(LogonKeys.CLAIM.get(bad).user());
    }

    @Test
    void inExportsModeAPassingExitAloneDecidesForANamedUserOnly() throws Exception {
        context.getRegistry().bind("anExit", new LoginExitAdapter() { });
        LoginExits exits = LoginExits.create(context, new ExitSettings(SecurityMode.EXPORTS, false, null,
                Optional.of("anExit"), Optional.empty(), Duration.ofSeconds(1)), Duration.ofSeconds(1), null, 1);
        context.start();
        ChooseLogonCheckProcessor step = new ChooseLogonCheckProcessor(exits);
        assertEquals(LogonCheck.EXIT, checkOf(step, new ClaimedUser("JOE", null)));
        assertEquals(LogonCheck.REGISTRY, checkOf(step, new ClaimedUser(null, null)), "nobody to let in");
        try (TestRegistry registry = new TestRegistry(folder)) {
            registry.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            assertEquals(LogonCheck.REGISTRY, checkOf(step, new ClaimedUser("JOE", environment(registry, "JOE"))),
                    "a partner vouched: that is a registry check");
        }
    }

    @Test
    void inSafModeTheRegistryChecksEvenWithAnExit() throws Exception {
        context.getRegistry().bind("anExit", new LoginExitAdapter() { });
        LoginExits exits = LoginExits.create(context, new ExitSettings(SecurityMode.SAF, false, null,
                Optional.of("anExit"), Optional.empty(), Duration.ofSeconds(1)), Duration.ofSeconds(1), null, 1);
        context.start();
        assertEquals(LogonCheck.REGISTRY, checkOf(new ChooseLogonCheckProcessor(exits), new ClaimedUser("JOE", null)));
    }

    private LogonCheck checkOf(ChooseLogonCheckProcessor step, ClaimedUser claim) throws Exception {
        Exchange e = parsed("{\"op\":\"logon\",\"user\":\"joe\",\"password\":\"x\"}");
        LogonKeys.CLAIM.set(e, claim);
        step.process(e);
        return LogonKeys.CHECK.get(e);
    }

    @Test
    void acceptingAClaimLetsInItsUserAndGivesTheBudgetPlaceBack() throws Exception {
        FailureRateLimiter limiter = new FailureRateLimiter(1, Clock.systemUTC());
        Exchange e = parsed("{\"op\":\"logon\",\"user\":\"joe\",\"password\":\"x\"}");
        LogonKeys.ATTEMPT.set(e, limiter.admit("10.0.0.1").orElseThrow());
        assertTrue(limiter.admit("10.0.0.1").isEmpty(), "the only place is held by the logon");
        LogonKeys.CLAIM.set(e, new ClaimedUser("JOE", null));
        new AcceptClaimProcessor().process(e);
        assertEquals(new LogonUser("JOE", null), LogonKeys.USER.get(e));
        assertTrue(limiter.admit("10.0.0.1").isPresent(), "the place came back");
    }

    @Test
    void aClaimWithoutAUserIsNotLetIn() throws Exception {
        Exchange e = parsed("{\"op\":\"logon\",\"certificate\":true}");
        LogonKeys.CLAIM.set(e, new ClaimedUser(null, null));
        assertEquals(ErrorCode.AUTH_FAILED, refused(e, new AcceptClaimProcessor()).code());
        assertTrue(LogonKeys.USER.find(e).isEmpty());
    }

    @Test
    void passwordCredentialsCarryOtpNewPasswordAndOrigin() throws Exception {
        Exchange e = parsed("{\"op\":\"logon\",\"user\":\"joe\",\"password\":\"Secret1\",\"otp\":\"123456\",\"newPassword\":\"N\"}");
        new PasswordCredentialsProcessor().process(e);
        VerifyRequest v = LogonKeys.CREDENTIALS.get(e);
        assertEquals("joe", v.user());
        assertEquals("Secret1", new String(v.password()));
        assertEquals("N", new String(v.newPassword()));
        assertEquals("123456", v.otp());
        assertEquals("unknown", v.origin());
        assertFalse(v.toString().contains("Secret1"), v.toString());
    }

    @Test
    void passwordCredentialsNeedAPassword() throws Exception {
        Exchange e = parsed("{\"op\":\"logon\",\"user\":\"joe\"}");
        assertEquals(ErrorCode.BAD_REQUEST, refused(e, new PasswordCredentialsProcessor()).code());
    }

    @Test
    void passTicketCredentialsAreForTheDaemonsApplid() throws Exception {
        Exchange e = parsed("{\"op\":\"logon\",\"user\":\"joe\",\"passticket\":\"ZVQLMCAN\"}");
        new PassTicketCredentialsProcessor("PASSGATE").process(e);
        VerifyRequest v = LogonKeys.CREDENTIALS.get(e);
        assertEquals("ZVQLMCAN", v.passticket());
        assertEquals("PASSGATE", v.applid());
    }

    @Test
    void aCertificateLogonWithoutTlsFailsAuthentication() throws Exception {
        Exchange e = parsed("{\"op\":\"logon\",\"certificate\":true}");
        assertEquals(ErrorCode.AUTH_FAILED, refused(e, new CertificateCredentialsProcessor()).code());
    }

    @Test
    void authenticateVerifiesSpendsTheCredentialsAndCountsFailures() throws Exception {
        try (TestRegistry registry = new TestRegistry(folder)) {
            registry.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED");
            FailureRateLimiter limiter = new FailureRateLimiter(1, Clock.systemUTC());
            AuthenticateProcessor authenticate = new AuthenticateProcessor(registry.registry.verifier(), limiter);

            Exchange good = parsed("{\"op\":\"logon\",\"user\":\"joe\",\"password\":\"Secret1\"}");
            new PasswordCredentialsProcessor().process(good);
            authenticate.process(good);
            assertEquals("JOE", LogonKeys.USER.get(good).user());
            assertTrue(LogonKeys.CREDENTIALS.find(good).isEmpty(), "the password does not stay on the exchange");

            Exchange bad = parsed("{\"op\":\"logon\",\"user\":\"joe\",\"password\":\"wrong\"}");
            new PasswordCredentialsProcessor().process(bad);
            assertEquals(ErrorCode.AUTH_FAILED, refused(bad, authenticate).code());
            // No rate-limit step ran: the failure is counted all the same, so the address is now refused.
            assertTrue(limiter.admit("unknown").isEmpty());
        }
    }

    @Test
    void authorizeNeedsReadOnTheApplidAndAVerifiedEnvironment() throws Exception {
        try (TestRegistry registry = new TestRegistry(folder)) {
            registry.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED", "ADDUSER ANN PASSWORD(Secret1) NOEXPIRED",
                    "RDEFINE APPL MYAPPL UACC(NONE)", "PERMIT MYAPPL CLASS(APPL) ID(JOE) ACCESS(READ)");
            AuthorizeApplidProcessor authorize = new AuthorizeApplidProcessor(registry.registry.access(), "MYAPPL");
            Exchange joe = new DefaultExchange(context);
            LogonKeys.USER.set(joe, new LogonUser("JOE", environment(registry, "JOE")));
            authorize.process(joe);
            Exchange ann = new DefaultExchange(context);
            LogonKeys.USER.set(ann, new LogonUser("ANN", environment(registry, "ANN")));
            assertEquals(ErrorCode.NOT_AUTHORIZED, refused(ann, authorize).code());
            Exchange unverified = new DefaultExchange(context);
            LogonKeys.USER.set(unverified, new LogonUser("JOE", null));
            assertEquals(ErrorCode.NOT_AUTHORIZED, refused(unverified, authorize).code());
        }
    }

    private static SecurityEnvironment environment(TestRegistry registry, String user) {
        return registry.registry.verifier().verify(VerifyRequest.password(user, "Secret1".toCharArray())).environment();
    }

    @Test
    void theErrorStepGivesBackTheLeaseAndPortOnlyBeforeTheHandover() throws Exception {
        var pools = new dev.passgate.pool.ThreadPoolSelector(
                new dev.passgate.pool.ThreadPoolSelector.Limits(1, 1, 1, 0, java.time.Duration.ofMinutes(5)), Clock.systemUTC());
        try {
            Exchange failed = new DefaultExchange(context);
            LogonKeys.LEASE.set(failed, pools.reserve());
            TakenResources.giveBack(failed);
            Exchange answered = new DefaultExchange(context);
            LogonKeys.LEASE.set(answered, pools.reserve()); // the first place came back, or this throws
            LogonKeys.HANDED_OVER.set(answered, true);
            TakenResources.giveBack(answered);
            assertThrows(dev.passgate.pool.PoolsExhaustedException.class, pools::reserve, "the session keeps its place");
        } finally {
            pools.close();
        }
    }
}
