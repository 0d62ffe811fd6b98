package dev.passgate.exit;

import dev.passgate.security.AuditEvent;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.security.AuditLog;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exit lifecycle: calls the {@code direct:exit-<event>} routes at the right moments,
 * keeps the global exit block and the user exit blocks, and turns exit faults into failed
 * requests. An exit that throws or hangs past {@code passgate.exit.timeout} fails only the
 * request at hand, audited; if initialisation fails, every exit is disabled for the life of
 * the process and PassGate carries on under its security mode's rules.
 */
public final class LoginExits {

    private static final Logger LOG = LoggerFactory.getLogger(LoginExits.class);
    /** Registry name of the built-in exit routes' step. */
    public static final String JAVA_EXIT = "javaLoginExit";
    public static final String EXIT_BEAN = ExitSettings.EXIT_BEAN;
    public static final String EXIT_CLASS = ExitSettings.EXIT_CLASS;

    /** A port handed out at logon, waiting for its client; the expiry is cancelled when a session takes it. */
    private static final class Handoff {
        volatile ScheduledFuture<?> expiry;
    }

    private final CamelContext context;
    private final ExitSettings settings;
    private final SecurityMode mode;
    private final Duration timeout;
    private final Duration handoffTimeout;
    private final ProducerTemplate template;
    private final ExecutorService executor;
    private final ScheduledExecutorService expiries;
    private final AuditLog audit;
    private final JavaExitProcessor javaExit = new JavaExitProcessor();
    private final UserExitBlocks blocks = new UserExitBlocks();
    private volatile boolean configured;
    private volatile boolean disabled;
    private volatile Object gxb;
    /** Opens when init has run: no exit is called for a logon before the exits were initialised. */
    private final CountDownLatch initialised = new CountDownLatch(1);

    private LoginExits(CamelContext context, ExitSettings settings, Duration handoffTimeout, AuditLog audit, int threads) {
        this.context = context;
        this.settings = settings;
        this.mode = settings.mode();
        this.timeout = settings.timeout();
        // A session may start a moment after its handoff's deadline (the connect step runs on); one exit timeout of grace.
        this.handoffTimeout = handoffTimeout.plus(timeout);
        this.template = context.createProducerTemplate();
        this.executor = context.getExecutorServiceManager().newThreadPool(this, "PassGateExit", threads, threads);
        this.expiries = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "PassGateExitHandoffs");
        this.audit = audit;
    }

    /**
     * The exits of a context: binds the built-in routes' step, loads the exit route template and
     * decides, when the context initialises, which exit exists (the bean of passgate.exit.bean,
     * else passgate.exit.class, and the integrator's exit routes).
     */
    public static LoginExits create(CamelContext context, ExitSettings settings, Duration handoffTimeout, AuditLog audit,
            int threads) throws Exception {
        LoginExits exits = new LoginExits(context, settings, handoffTimeout, audit, threads);
        context.getRegistry().bind(JAVA_EXIT, exits.javaExit);
        ExitRoutes.install(context, exits);
        return exits;
    }

    /** Called by ExitRoutes once the routes are loaded: which exit exists, and may PassGate run so. */
    void resolve(Set<ExitEventType> replacedEvents) {
        Optional<LoginExit> java = settings.exitBean().map(this::bean)
                .or(() -> settings.exitClass().map(LoginExits::instantiate));
        configured = java.isPresent() || !replacedEvents.isEmpty();
        if (mode == SecurityMode.NONE && !configured) {
            if (!settings.allowNone()) {
                throw new IllegalStateException("passgate.security=none needs a login exit (" + EXIT_BEAN + ", " + EXIT_CLASS
                        + " or exit routes); to run without one anyway set passgate.security.allow-none=true");
            }
            LOG.warn("passgate.security=none without a login exit: passwords are still verified, file access is not"
                    + " checked at all (passgate.security.allow-none=true)");
        }
        javaExit.use(java, new CamelExitContext(context, mode));
        if (!replacedEvents.isEmpty()) {
            LOG.info("Exit routes of the integrator replace the built-in ones for: {}", replacedEvents);
        }
    }

    private LoginExit bean(String name) {
        LoginExit found = context.getRegistry().lookupByNameAndType(name, LoginExit.class);
        if (found == null) {
            throw new IllegalStateException(EXIT_BEAN + " names " + name + ", but the registry has no LoginExit by that name");
        }
        return found;
    }

    private static LoginExit instantiate(String className) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return (LoginExit) Class.forName(className, true, loader != null ? loader
                    : LoginExits.class.getClassLoader()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new IllegalStateException(EXIT_CLASS + " " + className + " cannot be loaded as a LoginExit: " + e);
        }
    }

    /** Whether exits exist and have not been disabled by a failed initialisation. */
    public boolean active() {
        return configured && !disabled;
    }

    public SecurityMode mode() {
        return mode;
    }

    /** The Java exit this context calls, if there is one. */
    public Optional<LoginExit> javaExit() {
        return javaExit.exit();
    }

    /**
     * System initialisation, once, when the context has started. The daemon port may already be
     * open; logons that arrive meanwhile wait here until the exits are initialised.
     */
    public void init() {
        if (!configured || initialised.getCount() == 0) {
            initialised.countDown();
            return;
        }
        try {
            Exchange done = call(ExitEvent.init());
            gxb = done.getMessage().getHeader(ExitKeys.GXB);
            if (resultOf(done).failed()) {
                throw new IllegalStateException("the init exit answered " + resultOf(done));
            }
            LOG.info("Login exits initialised (security mode {})", mode);
        } catch (Exception e) {
            disabled = true;
            LOG.error("LOGIN EXIT INITIALISATION FAILED: the login and file-security exits are disabled until restart;"
                    + " logons and file access follow security mode {} without them. Cause: {}", mode, e.toString());
            audit.record(AuditEvent.EXIT_FAULT, null, null, "DISABLED", "init failed: " + e.getClass().getSimpleName());
        } finally {
            initialised.countDown();
        }
    }

    private boolean ready() {
        if (!configured) {
            return false;
        }
        try {
            if (!initialised.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("login exits are not initialised yet");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the login exits", e);
        }
        return !disabled;
    }

    /**
     * New user session, at the start of a logon: when nothing else keeps the user and address in
     * use, the new-session exit runs and may create the UXB. From here the logon holds the UXB
     * until its outcome is known (after-login).
     */
    public ExitResult newSession(Exchange logon, String user, String address) {
        if (!ready() || !AfterLoginWatch.watch(logon, this, user, address)) {
            return ExitResult.CONTINUE;
        }
        return blocks.logonBegins(user, address, c -> run(ExitEvent.newSession(user, address, gxb, c.block), logon),
                ExitResult.CONTINUE);
    }

    /** Login: called for every logon request. */
    public ExitResult login(Exchange logon, String user, String address) {
        if (!ready()) {
            return ExitResult.CONTINUE;
        }
        if (AfterLoginWatch.watch(logon, this, user, address)) {
            blocks.logonBegins(user, address, c -> ExitResult.CONTINUE, ExitResult.CONTINUE); // no new-session step ran
        }
        return run(ExitEvent.login(user, address, gxb, blocks.block(user, address)), logon);
    }

    /**
     * The logon's outcome is known (failure null: success): the after-login exit runs. A failed
     * logon lets go of the UXB; a successful one passes it to its handoff, which a session takes
     * over or which expires (logout exit with reason {@code expired}).
     */
    void logonEnded(String user, String address, ErrorCode failure) {
        Handoff handoff = failure == null ? new Handoff() : null;
        try {
            run(ExitEvent.afterLogin(user, address, gxb, blocks.block(user, address), failure));
        } finally {
            if (handoff != null) {
                handoff.expiry = expiries.schedule(() -> handoffExpired(user, address, handoff),
                        handoffTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            blocks.logonEnds(user, address, handoff);
        }
    }

    private void handoffExpired(String user, String address, Handoff handoff) {
        UserExitBlock block = blocks.block(user, address);
        if (blocks.handoffExpires(user, address, handoff) && active()) {
            run(ExitEvent.logout(user, address, gxb, block, "expired"));
        }
    }

    /**
     * The outcome of a logon that does not run through a route (failure null: success), for a
     * service with its own listener: the after-login exit runs once, as for the daemon's logons.
     * Call it before {@link #sessionStarted} of the session the logon made.
     */
    public void logonEnded(Exchange logon, ErrorCode failure) {
        AfterLoginWatch.end(logon, failure);
    }

    /** A session of the combination started: it takes over a handoff of its logon. */
    public void sessionStarted(String user, String address) {
        if (active()) {
            blocks.sessionStarts(user, address).map(Handoff.class::cast).map(h -> h.expiry)
                    .ifPresent(expiry -> expiry.cancel(false));
        }
    }

    /** A session ended: the logout exit runs; the UXB goes when nothing else uses the combination. */
    public void sessionEnded(String user, String address, String reason) {
        if (!active()) {
            return;
        }
        try {
            run(ExitEvent.logout(user, address, gxb, blocks.block(user, address), reason));
        } finally {
            blocks.sessionEnds(user, address);
        }
    }

    /** The file-security exit. */
    public ExitResult file(String user, String address, String path, String access) {
        if (!active()) {
            return ExitResult.CONTINUE;
        }
        return run(ExitEvent.file(user, address, gxb, blocks.block(user, address), path, access));
    }

    /** System termination: once, after the sessions have been logged out; the GXB is freed. */
    public void termination() {
        if (active()) {
            run(ExitEvent.termination(gxb));
        }
        gxb = null;
        blocks.clear();
        context.getExecutorServiceManager().shutdownNow(expiries);
    }

    /** The user exit block's value of a combination in use (null if none), for tests and the operator. */
    public Object uxb(String user, String address) {
        return blocks.contains(user, address) ? blocks.block(user, address).get() : null;
    }

    /** How many user and address combinations have a UXB kept. */
    public int combinationsKept() {
        return blocks.size();
    }

    private ExitResult run(ExitEvent e) {
        return run(e, null);
    }

    /** Runs the event; a refusal's message from the exit route (header PassGateExitMessage) goes onto the logon. */
    private ExitResult run(ExitEvent e, Exchange logon) {
        try {
            Exchange done = call(e);
            ExitResult r = resultOf(done);
            if (r.failed() && logon != null) {
                clientMessage(done).ifPresent(m -> logon.setProperty(ExitKeys.REFUSAL_MESSAGE, m));
            }
            if (r.failed()) {
                audit.record(AuditEvent.EXIT, e.user(), e.address(), r.name(), e.type() + " exit failed the request");
            }
            return r;
        } catch (TimeoutException t) {
            LOG.warn("The {} exit did not answer within {} s: request failed", e.type(), timeout.toSeconds());
            audit.record(AuditEvent.EXIT_FAULT, e.user(), e.address(), "TIMEOUT", e.type() + " exit hung");
            return ExitResult.FAIL;
        } catch (Exception x) {
            // The class only: an exit's message may carry anything, secrets included.
            LOG.warn("The {} exit failed: {}", e.type(), x.getClass().getName());
            audit.record(AuditEvent.EXIT_FAULT, e.user(), e.address(), "EXCEPTION", e.type() + " exit threw "
                    + x.getClass().getSimpleName());
            return ExitResult.FAIL;
        }
    }

    private Exchange call(ExitEvent e) throws Exception {
        Future<Exchange> f = executor.submit(() -> template.request(e.type().endpoint(), x -> {
            x.setProperty(ExitKeys.EVENT, e);
            x.getMessage().setHeader(ExitKeys.USER, e.user());
            x.getMessage().setHeader(ExitKeys.ADDRESS, e.address());
            x.getMessage().setHeader(ExitKeys.PATH, e.path());
            x.getMessage().setHeader(ExitKeys.ACCESS, e.access());
            x.getMessage().setHeader(ExitKeys.REASON, e.reason());
            if (e.type() == ExitEventType.AFTER_LOGIN) {
                x.getMessage().setHeader(ExitKeys.OUTCOME, e.failure() == null ? "OK" : e.failure().name());
            }
            x.getMessage().setHeader(ExitKeys.GXB, e.gxb());
            x.getMessage().setHeader(ExitKeys.UXB, e.uxb().get());
        }));
        Exchange done;
        try {
            done = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException t) {
            f.cancel(true);
            throw t;
        }
        if (done.getException() != null) {
            throw done.getException();
        }
        if (done.getProperty(ExitKeys.FAULT, false, Boolean.class)) {
            Exception caught = done.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            throw caught != null ? caught : new IllegalStateException("exit route fault");
        }
        Object uxbFromRoute = done.getMessage().getHeader(ExitKeys.UXB);
        if (uxbFromRoute != null) {
            e.uxb().set(uxbFromRoute);
        }
        return done;
    }

    /** What the client is told, from the exit route: one line of printable text, at most 200 characters. */
    private static Optional<String> clientMessage(Exchange done) {
        String m = done.getMessage().getHeader(ExitKeys.MESSAGE, String.class);
        if (m == null) {
            return Optional.empty();
        }
        String line = m.replaceAll("\\p{Cntrl}", " ").strip();
        return line.isEmpty() ? Optional.empty() : Optional.of(line.length() > 200 ? line.substring(0, 200) : line);
    }

    private static ExitResult resultOf(Exchange done) {
        String r = done.getMessage().getHeader(ExitKeys.RESULT, String.class);
        if (r == null) {
            return ExitResult.CONTINUE;
        }
        try {
            return ExitResult.valueOf(r.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ExitResult.FAIL; // an answer we do not understand is not a pass
        }
    }
}
