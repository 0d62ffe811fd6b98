package dev.passgate.session;

import dev.passgate.security.AuditEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.pool.ThreadPoolSelector;
import dev.passgate.protocol.JsonLines;
import dev.passgate.security.PassTicketEnvironments;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.store.Jdbc;
import dev.passgate.testkit.Eventually;
import dev.passgate.support.MutableClock;
import dev.passgate.testkit.TestPassGate;
import dev.passgate.support.TestRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

/** Each step of the session routes on its own: an exchange in a plain context, no node, no sockets. */
class SessionStepsTest {

    private static final String APPLID = "PGAPPL";

    @TempDir
    Path data;

    private TestRegistry registry;
    private DefaultCamelContext context;
    private ThreadPoolSelector pools;
    private PassTicketEnvironments environments;
    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
    private final JsonLines lines = new JsonLines(64 * 1024);

    @BeforeEach
    void setUp() {
        registry = new TestRegistry(data);
        registry.admin("ADDUSER JOE PASSWORD(Secret1) NOEXPIRED",
                "RDEFINE PTKTDATA " + APPLID + " SSIGNON(KEYMASKED(" + TestPassGate.LEGACY_KEY + "))"
                        + " APPLDATA('NO REPLAY PROTECTION')");
        environments = new PassTicketEnvironments(registry.registry.passTicketGenerator(), registry.registry.verifier(),
                APPLID);
        context = new DefaultCamelContext();
        pools = new ThreadPoolSelector(new ThreadPoolSelector.Limits(10, 2, 1, 0, Duration.ofMinutes(5)), clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        pools.close();
        context.close();
        registry.close();
    }

    private Exchange exchange() {
        return new DefaultExchange(context);
    }

    private SecurityEnvironment joe() {
        var r = environments.build("JOE", "127.0.0.1");
        assertTrue(r.success(), r.toString());
        return r.environment();
    }

    private PendingSession pending() {
        return new PendingSession(joe(), pools.reserve(), "127.0.0.1", 40017);
    }

    private Session session() {
        return new Session("s-1", joe(), Map.of("files", joe()), pools.reserve(), "127.0.0.1", 40017, clock.instant());
    }

    @Test
    void startMinersGivesEachMinerItsOwnEnvironmentAndLeavesOutAProtectedOne() {
        registry.admin("RDEFINE FACILITY PASSGATE.MINER.TICKETS UACC(NONE)");
        Exchange e = exchange();
        SessionKeys.PENDING_KEY.set(e, pending());
        new StartMinersProcessor(List.of("files", "tickets"), environments, registry.registry.access()).process(e);
        MinerEnvironments started = SessionKeys.MINERS_STARTED_KEY.get(e);
        assertEquals(List.of("files"), List.copyOf(started.byMiner().keySet()));
        assertEquals("JOE", started.byMiner().get("files").user());
    }

    @Test
    void createSessionJoinsTheLogonAndTheStartedMinersWithoutRegisteringIt() {
        Exchange e = exchange();
        SessionKeys.PENDING_KEY.set(e, pending());
        SessionKeys.MINERS_STARTED_KEY.set(e, new MinerEnvironments(Map.of("files", joe())));
        new CreateSessionProcessor(clock).process(e);
        Session s = SessionKeys.SESSION_KEY.get(e);
        assertEquals("JOE", s.user());
        assertEquals(List.of("files"), s.miners());
        assertEquals("127.0.0.1", s.address());
        assertEquals(clock.instant(), s.since());
        assertNull(s.channel(), "registering it is the next steps' job");
    }

    @Test
    void onlyTheFirstOfTwoEndsReleasesTheSession() {
        SessionRegistry sessions = new SessionRegistry();
        Session s = session();
        sessions.add(s, new EmbeddedChannel());
        ReleaseSessionProcessor release = new ReleaseSessionProcessor(sessions);
        Exchange first = exchange();
        SessionKeys.SESSION_KEY.set(first, s);
        SessionKeys.REASON_KEY.set(first, SessionEndReason.TIMEOUT);
        release.process(first);
        Exchange second = exchange();
        SessionKeys.SESSION_KEY.set(second, s);
        SessionKeys.REASON_KEY.set(second, SessionEndReason.LOGOUT);
        release.process(second);
        assertEquals(SessionRelease.RELEASED, SessionKeys.RELEASE_KEY.get(first));
        assertEquals(SessionRelease.ALREADY_ENDED, SessionKeys.RELEASE_KEY.get(second));
        assertTrue(s.ended());
        assertEquals(0, sessions.size());
    }

    @Test
    void closeSendsTheEventOfAnEndTheClientDidNotAskForThenCloses() throws Exception {
        EmbeddedChannel channel = closed(SessionEndReason.TIMEOUT, null);
        assertEquals("{\"event\":\"timeout\"}", ((String) channel.readOutbound()).trim());
    }

    @Test
    void closeAfterALogoutSendsTheLineTheCallerLeft() throws Exception {
        EmbeddedChannel channel = closed(SessionEndReason.LOGOUT, "{\"ok\":true}");
        assertEquals("{\"ok\":true}", channel.readOutbound());
    }

    @Test
    void closeAfterADisconnectSendsNothing() throws Exception {
        assertNull(closed(SessionEndReason.DISCONNECTED, null).readOutbound());
    }

    private EmbeddedChannel closed(SessionEndReason reason, String lastLine) throws Exception {
        SessionRegistry sessions = new SessionRegistry();
        EmbeddedChannel channel = new EmbeddedChannel();
        Session s = session();
        sessions.add(s, channel);
        sessions.connectReplySent(s);
        Exchange e = exchange();
        SessionKeys.SESSION_KEY.set(e, s);
        SessionKeys.REASON_KEY.set(e, reason);
        if (lastLine != null) {
            SessionKeys.LAST_LINE_KEY.set(e, lastLine);
        }
        new CloseSessionProcessor(sessions, lines).process(e);
        Eventually.waitFor(() -> !channel.isOpen());
        return channel;
    }

    @Test
    void checkIdleTellsAnIdleSessionFromAUsedOneAndFromOneThatIsGone() {
        SessionRegistry sessions = new SessionRegistry();
        Session s = session();
        sessions.add(s, new EmbeddedChannel());
        IdleTimeouts timeouts = new IdleTimeouts(Duration.ofSeconds(10), clock, firing -> { }, () -> {
            throw new AssertionError("checking needs no scheduler");
        });
        CheckIdleProcessor check = new CheckIdleProcessor(sessions, timeouts);

        clock.advance(Duration.ofSeconds(4));
        s.touch(clock.millis());
        clock.advance(Duration.ofSeconds(8));
        Exchange used = fired(check, "s-1");
        assertEquals(IdleCheck.USED, SessionKeys.IDLE_KEY.get(used));
        assertSame(s, SessionKeys.SESSION_KEY.get(used));

        clock.advance(Duration.ofSeconds(2));
        assertEquals(IdleCheck.EXPIRED, SessionKeys.IDLE_KEY.get(fired(check, "s-1")));
        Exchange gone = fired(check, "no-such-session");
        assertEquals(IdleCheck.GONE, SessionKeys.IDLE_KEY.get(gone));
        assertEquals(Optional.empty(), SessionKeys.SESSION_KEY.find(gone));
        assertEquals(IdleCheck.GONE, SessionKeys.IDLE_KEY.get(fired(check, null)), "the route's own start-up firing");
    }

    private Exchange fired(CheckIdleProcessor check, String sessionId) {
        Exchange e = exchange();
        JobDataMap data = new JobDataMap();
        if (sessionId != null) {
            data.put(IdleTimeouts.SESSION_DATA, sessionId);
        }
        e.getMessage().setHeader(CheckIdleProcessor.JOB_DATA, data);
        check.process(e);
        return e;
    }

    @Test
    void theStepsAfterOnSessionThreadRunOnTheSessionsExecutorBehindWhatItHasQueued() throws Exception {
        Session s = session();
        List<String> order = new CopyOnWriteArrayList<>();
        context.getRegistry().bind("onSessionThread", new OnSessionThreadProcessor());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:end").process("onSessionThread").process(e -> order.add("route on " + Thread.currentThread().getName()));
            }
        });
        context.start();
        CountDownLatch requestRunning = new CountDownLatch(1);
        s.executor().execute(() -> {
            order.add("request");
            try {
                requestRunning.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String caller = Thread.currentThread().getName();
        try (var template = context.createProducerTemplate()) {
            template.asyncSend("direct:end", e -> SessionKeys.SESSION_KEY.set(e, s));
            Eventually.waitFor(() -> order.contains("request"));
            assertEquals(List.of("request"), order, "the end waits behind the request");
            requestRunning.countDown();
            Eventually.waitFor(() -> order.size() == 2);
        }
        assertTrue(order.get(1).startsWith("route on "), order.toString());
        assertFalse(order.get(1).endsWith(" " + caller), order.toString());
    }

    @Test
    void persistRecordsTheSessionAndRecordingItsEndRemovesTheRowAndAuditsTheReason() {
        SessionStore store = new SessionStore(new Jdbc(registry.registry.dataSource()), registry.registry.audit(), "PG01");
        Session s = session();
        Exchange e = exchange();
        SessionKeys.SESSION_KEY.set(e, s);
        SessionKeys.PENDING_KEY.set(e, pending()); // a logon whose row nobody recorded: the step waits for its own
        new PersistSessionProcessor(store).process(e);
        assertEquals(List.of("s-1"), store.leftBehind().stream().map(SessionStore.Row::id).toList(),
                "committed when the step returns");
        SessionKeys.REASON_KEY.set(e, SessionEndReason.CANCELLED);
        new RecordSessionEndProcessor(store).process(e);
        assertEquals(List.of(), store.leftBehind());
        var audit = registry.registry.audit().query("JOE", AuditEvent.LOGOUT, 5);
        assertEquals("CANCELLED", audit.get(0).outcome());
    }

    @Test
    void aLogonsRowIsNoSessionUntilTheReconnectMarksItConnectedAndAHandoffThatEndsTakesItAway() {
        SessionStore store = new SessionStore(new Jdbc(registry.registry.dataSource()), registry.registry.audit(), "PG01");
        PendingSession waiting = pending();
        store.addLogon(waiting, clock.millis());
        store.sync();
        assertTrue(waiting.recorded());
        assertEquals(List.of(new SessionStore.Row(waiting.sessionId(), "JOE", "127.0.0.1", clock.millis(), false)),
                store.leftBehind(), "a crash now leaves the logon for the next start to log out");
        assertEquals(List.of(), store.ofUser("JOE"), "no session for single logon, DISPLAY or CANCEL yet");

        Exchange e = exchange();
        SessionKeys.PENDING_KEY.set(e, waiting);
        SessionKeys.MINERS_STARTED_KEY.set(e, new MinerEnvironments(Map.of("files", joe())));
        new CreateSessionProcessor(clock).process(e);
        Session s = SessionKeys.SESSION_KEY.get(e);
        assertEquals(waiting.sessionId(), s.id(), "the session has the ID its logon recorded");
        new PersistSessionProcessor(store).process(e);
        store.sync();
        assertEquals(List.of(true), store.leftBehind().stream().map(SessionStore.Row::connected).toList());
        assertEquals(List.of(s.id()), store.ofUser("JOE").stream().map(SessionStore.Recorded::id).toList());
        store.logonEnded(waiting); // the handoff's end, after the session took it over, leaves the session's row alone
        store.sync();
        assertEquals(1, store.leftBehind().size());

        PendingSession abandoned = pending();
        store.addLogon(abandoned, clock.millis());
        store.logonEnded(abandoned);
        store.sync();
        assertEquals(List.of(s.id()), store.leftBehind().stream().map(SessionStore.Row::id).toList(),
                "the logon whose client never came is gone");
    }

    @Test
    void aReconnectedSessionIsNewerThanOneRecordedWhileItsClientWasAwayAndAnExpiredLogonsSessionIsStillRecorded() {
        SessionStore store = new SessionStore(new Jdbc(registry.registry.dataSource()), registry.registry.audit(), "PG01");
        PendingSession waiting = pending();
        store.addLogon(waiting, clock.millis());
        store.sync();
        store.add(session()); // JOE's "s-1", connected while the first logon's client was still on its way
        Session reconnected = new Session(waiting.sessionId(), joe(), Map.of(), waiting.lease(), "127.0.0.1", 40017,
                clock.instant().plusSeconds(2));
        store.connected(reconnected, waiting);
        store.sync();
        List<SessionStore.Recorded> joes = store.ofUser("JOE");
        assertEquals(List.of("s-1", waiting.sessionId()), joes.stream().map(SessionStore.Recorded::id).toList(),
                "single logon keeps the session that connected last");
        assertEquals(clock.millis() + 2_000, joes.get(1).startedAt(),
                "the row says when the session started, not when its logon did");

        PendingSession late = pending();
        store.addLogon(late, clock.millis());
        store.logonEnded(late); // its handoff timed out just before the client's reconnect got through
        store.connected(new Session(late.sessionId(), joe(), Map.of(), late.lease(), "127.0.0.1", 40017, clock.instant()),
                late);
        store.sync();
        assertEquals(3, store.ofUser("JOE").size(), "the session is recorded all the same");
    }

    @Test
    void attachPutsTheSessionHandlerOnTheConnection() {
        SessionStore store = new SessionStore(new Jdbc(registry.registry.dataSource()), registry.registry.audit(), "PG01");
        EmbeddedChannel channel = new EmbeddedChannel();
        Exchange e = exchange();
        SessionKeys.SESSION_KEY.set(e, session());
        SessionKeys.CHANNEL_KEY.set(e, channel);
        new AttachSessionHandlerProcessor(context.createProducerTemplate(), lines, store).process(e);
        assertTrue(channel.pipeline().get("session") instanceof SessionHandler);
    }

    @Test
    void theTimerOfAUsedSessionIsArmedAgainAndAnEndRemovesIt() throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.put("org.quartz.scheduler.instanceName", "steps-" + System.nanoTime());
        p.put("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.put("org.quartz.threadPool.threadCount", "1");
        Scheduler scheduler = new StdSchedulerFactory(p).getScheduler(); // not started: nothing fires
        try {
            IdleTimeouts timeouts = new IdleTimeouts(Duration.ofSeconds(10), clock, firing -> { }, () -> scheduler);
            Session s = session();
            timeouts.start(s);
            TriggerKey timer = new TriggerKey("s-1", "passgate-sessions");
            assertEquals(s.lastActivity() + 10_000, scheduler.getTrigger(timer).getStartTime().getTime());
            clock.advance(Duration.ofSeconds(7));
            s.touch(clock.millis());
            Exchange e = exchange();
            SessionKeys.SESSION_KEY.set(e, s);
            new RearmIdleTimerProcessor(timeouts).process(e);
            assertEquals(s.lastActivity() + 10_000, scheduler.getTrigger(timer).getStartTime().getTime(),
                    "armed for the new deadline");
            assertEquals("s-1", scheduler.getTrigger(timer).getJobDataMap().getString(IdleTimeouts.SESSION_DATA));
            new StopIdleTimerProcessor(timeouts).process(e);
            assertFalse(scheduler.checkExists(timer));
        } finally {
            scheduler.shutdown();
        }
    }

    @Test
    void theLogoutRequestAsksForTheEndByReason() {
        Exchange e = exchange();
        SessionKeys.REQUEST_KEY.set(e, lines.parse("{\"op\":\"logout\",\"id\":3}"));
        new LogoutRequestProcessor(lines).process(e);
        assertEquals(SessionEndReason.LOGOUT, SessionKeys.END_KEY.get(e));
        assertTrue(e.getMessage().getBody(String.class).contains("\"id\":3"));
    }

    @Test
    void aReasonSetByNameInYamlReadsAsTheEnum() {
        Exchange e = exchange();
        e.setProperty(SessionKeys.REASON, "TIMEOUT"); // setProperty: constant: TIMEOUT
        assertEquals(SessionEndReason.TIMEOUT, SessionKeys.REASON_KEY.get(e));
    }

    @Test
    void onlyEndsTheClientDidNotAskForAreToldToIt() {
        assertEquals(Optional.of("timeout"), SessionEndReason.TIMEOUT.clientEvent());
        assertEquals(Optional.of("cancelled"), SessionEndReason.CANCELLED.clientEvent());
        assertEquals(Optional.of("replaced"), SessionEndReason.REPLACED.clientEvent());
        assertEquals(Optional.empty(), SessionEndReason.LOGOUT.clientEvent());
        assertEquals(Optional.empty(), SessionEndReason.DISCONNECTED.clientEvent());
        assertEquals("restart", SessionEndReason.RESTART.exitReason());
    }
}
