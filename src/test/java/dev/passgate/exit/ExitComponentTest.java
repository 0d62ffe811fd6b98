package dev.passgate.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.flow.StepContract;
import dev.passgate.flow.StepContractCheck;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.security.AuditEvent;
import dev.passgate.settings.PassGateSettings;
import dev.passgate.support.TestRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit: steps on their own, in a bare CamelContext with only the exits installed: a route
 * sends its subject to exit:login (or new-session, logout) and the exit route of that event
 * answers, as PassGate's logon and logout routes use them.
 */
class ExitComponentTest {

    @TempDir
    Path folder;
    TestRegistry registry;
    CamelContext context;
    final List<String> logouts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        registry = new TestRegistry(folder);
        context = new DefaultCamelContext();
        new ExitModule(context, new PassGateSettings(k -> Optional.ofNullable(Map.of("passgate.exit.timeout", "2").get(k))),
                registry.registry);
        // The test's routes start with the subject on the exchange, as the logon and logout routes have it.
        for (String start : List.of("direct:logon", "direct:logon-lenient", "direct:logout")) {
            StepContractCheck.of(context).endpoint(start, StepContract.writes(ExitKeys.SUBJECT));
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // The integrator's login exit: MALLORY is refused, EVE is also disconnected.
                from("direct:exit-login").choice()
                        .when(header(ExitKeys.USER).isEqualTo("MALLORY")).setHeader(ExitKeys.RESULT, constant("FAIL"))
                        .when(header(ExitKeys.USER).isEqualTo("EVE")).setHeader(ExitKeys.RESULT, constant("DISCONNECT"))
                        .when(header(ExitKeys.USER).isEqualTo("LATE")).setHeader(ExitKeys.RESULT, constant("FAIL"))
                            .setHeader(ExitKeys.MESSAGE, constant("logons are closed\nuntil 06:00"));
                from("direct:exit-logout").process(x -> logouts.add(x.getMessage().getHeader(ExitKeys.USER) + " "
                        + x.getMessage().getHeader(ExitKeys.REASON))).setHeader(ExitKeys.RESULT, constant("FAIL"));
                from("direct:logon").to("exit:login");
                from("direct:logon-lenient").to("exit:login?failOnReject=false");
                from("direct:logout").to("exit:logout");
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        registry.close();
    }

    private Exchange send(String uri, ExitSubject subject) {
        return context.createProducerTemplate().send(uri, x -> ExitKeys.SUBJECT.set(x, subject));
    }

    @Test
    void aPassingLoginExitLetsTheRouteGoOnWithItsAnswer() {
        Exchange done = send("direct:logon", ExitSubject.logon("JOE", "127.0.0.1"));
        assertEquals(null, done.getException());
        assertEquals(ExitResult.CONTINUE, ExitKeys.ANSWER.get(done));
    }

    @Test
    void aFailingLoginExitEndsTheExchangeWithExitRejected() {
        Exchange done = send("direct:logon", ExitSubject.logon("MALLORY", "127.0.0.1"));
        ExitRejectedException e = assertInstanceOf(ExitRejectedException.class, done.getException());
        assertEquals(ErrorCode.EXIT_REJECTED, e.code());
        assertFalse(e.disconnect());
        assertTrue(registry.registry.audit().query(null, AuditEvent.EXIT, 10).stream()
                .anyMatch(r -> "MALLORY".equals(r.user()) && "FAIL".equals(r.outcome())), "the refusal is audited");
    }

    @Test
    void aRefusingExitRouteSetsTheClientsMessageOnOneLine() {
        Exchange done = send("direct:logon", ExitSubject.logon("LATE", "127.0.0.1"));
        assertEquals("logons are closed until 06:00", done.getException().getMessage());
        Exchange plain = send("direct:logon", ExitSubject.logon("MALLORY", "127.0.0.1"));
        assertEquals(ErrorCode.EXIT_REJECTED.defaultMessage(), plain.getException().getMessage());
    }

    @Test
    void disconnectIsCarriedToTheDaemonsErrorReply() {
        Exchange done = send("direct:logon", ExitSubject.logon("EVE", "127.0.0.1"));
        assertTrue(assertInstanceOf(ExitRejectedException.class, done.getException()).disconnect());
    }

    @Test
    void withFailOnRejectFalseTheAnswerIsLeftForTheRouteToDecide() {
        Exchange done = send("direct:logon-lenient", ExitSubject.logon("MALLORY", "127.0.0.1"));
        assertEquals(null, done.getException());
        assertEquals(ExitResult.FAIL, ExitKeys.ANSWER.get(done));
    }

    @Test
    void theLogoutExitHearsTheReasonAndCannotStopTheLogout() {
        Exchange done = send("direct:logout", ExitSubject.logout("JOE", "127.0.0.1", "timeout"));
        assertEquals(null, done.getException());
        assertEquals(List.of("JOE timeout"), logouts);
    }

    @Test
    void aRouteThatCallsAnExitWithoutItsSubjectDoesNotStart() throws Exception {
        CamelContext other = new DefaultCamelContext();
        try (TestRegistry second = new TestRegistry(folder.resolve("second"))) {
            new ExitModule(other, new PassGateSettings(k -> Optional.empty()), second.registry);
            other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:logon").routeId("bare-logon").to("exit:login");
                }
            });
            Exception e = assertThrows(Exception.class, other::start);
            String message = messages(e);
            assertTrue(message.contains("bare-logon") && message.contains("exit:login")
                    && message.contains(ExitKeys.SUBJECT.name()), message);
        } finally {
            other.stop();
        }
    }

    @Test
    void anUnknownCallIsRefusedNamingTheValidOnes() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint("exit:frob"));
        assertTrue(messages(e).contains("new-session, login or logout, not 'frob'"), messages(e));
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append(" | ");
        }
        return b.toString();
    }
}
