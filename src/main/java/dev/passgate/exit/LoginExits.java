package dev.passgate.exit;

import dev.passgate.security.AuditLog;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    /** One user exit block, with the sessions that share it. */
    private static final class Uxb {
        Object value;
        int sessions;
    }

    private final boolean configured;
    private final SecurityMode mode;
    private final Duration timeout;
    private final ProducerTemplate template;
    private final ExecutorService executor;
    private final AuditLog audit;
    private final Map<String, Uxb> uxbs = new ConcurrentHashMap<>();
    private volatile boolean disabled;
    private volatile Object gxb;
    /** Opens when init has run: no exit is called for a logon before the exits were initialised. */
    private final java.util.concurrent.CountDownLatch initialised = new java.util.concurrent.CountDownLatch(1);

    /**
     * @param configured whether an exit exists: a Java exit is named, or integrator routes replace the exit routes
     */
    public LoginExits(boolean configured, SecurityMode mode, Duration timeout, ProducerTemplate template,
            ExecutorService executor, AuditLog audit) {
        this.configured = configured;
        this.mode = mode;
        this.timeout = timeout;
        this.template = template;
        this.executor = executor;
        this.audit = audit;
    }

    /** Whether exits exist and have not been disabled by a failed initialisation. */
    public boolean active() {
        return configured && !disabled;
    }

    public SecurityMode mode() {
        return mode;
    }

    /**
     * System initialisation, once. Camel may open the daemon port a moment earlier; logons
     * that arrive in that moment wait here until the exits are initialised.
     */
    public void init() {
        if (!configured || initialised.getCount() == 0) {
            initialised.countDown();
            return;
        }
        try {
            Exchange done = call("init", new ExitEvent("init", null, null, null, null, null, null, null));
            gxb = done.getMessage().getHeader(ExitKeys.GXB);
            if (resultOf(done).failed()) {
                throw new IllegalStateException("the init exit answered " + resultOf(done));
            }
            LOG.info("Login exits initialised (security mode {})", mode);
        } catch (Exception e) {
            disabled = true;
            LOG.error("LOGIN EXIT INITIALISATION FAILED: the login and file-security exits are disabled until restart;"
                    + " logons and file access follow security mode {} without them. Cause: {}", mode, e.toString());
            audit.record("EXIT_FAULT", null, null, "DISABLED", "init failed: " + e.getClass().getSimpleName());
        } finally {
            initialised.countDown();
        }
    }

    private void awaitInit() {
        try {
            if (!initialised.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("login exits are not initialised yet");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the login exits", e);
        }
    }

    /** New user session: called when the user and address have no active session; the exit may set the UXB. */
    public ExitResult newSession(String user, String address) {
        if (!configured) {
            return ExitResult.CONTINUE;
        }
        awaitInit();
        if (disabled) {
            return ExitResult.CONTINUE;
        }
        Uxb uxb = uxbs.computeIfAbsent(key(user, address), k -> new Uxb());
        synchronized (uxb) {
            if (uxb.sessions > 0) {
                return ExitResult.CONTINUE; // a known combination: no new-session event
            }
            ExitEvent e = new ExitEvent("new-session", user, address, gxb, null, null, null, null);
            ExitResult r = run(e);
            if (!r.failed()) {
                uxb.value = e.uxb();
            }
            return r;
        }
    }

    /** Login: called for every logon request. */
    public ExitResult login(String user, String address) {
        if (!configured) {
            return ExitResult.CONTINUE;
        }
        awaitInit();
        if (disabled) {
            return ExitResult.CONTINUE;
        }
        return run(new ExitEvent("login", user, address, gxb, uxb(user, address), null, null, null));
    }

    /** A session of the combination started. */
    public void sessionStarted(String user, String address) {
        if (active()) {
            Uxb uxb = uxbs.computeIfAbsent(key(user, address), k -> new Uxb());
            synchronized (uxb) {
                uxb.sessions++;
            }
        }
    }

    /** A session ended: the logout exit runs; the UXB goes with the combination's last session. */
    public void sessionEnded(String user, String address, String reason) {
        if (!active()) {
            return;
        }
        String key = key(user, address);
        Uxb uxb = uxbs.get(key);
        Object value = uxb == null ? null : uxb.value;
        run(new ExitEvent("logout", user, address, gxb, value, reason, null, null));
        if (uxb != null) {
            synchronized (uxb) {
                if (--uxb.sessions <= 0) {
                    uxbs.remove(key, uxb);
                }
            }
        }
    }

    /** The file-security exit. */
    public ExitResult file(String user, String address, String path, String access) {
        if (!active()) {
            return ExitResult.CONTINUE;
        }
        Uxb uxb = uxbs.get(key(user, address));
        return run(new ExitEvent("file", user, address, gxb, uxb == null ? null : uxb.value, null, path, access));
    }

    /** System termination: once, after the sessions have been logged out; the GXB is freed. */
    public void termination() {
        if (active()) {
            run(new ExitEvent("termination", null, null, gxb, null, null, null, null));
        }
        gxb = null;
        uxbs.clear();
    }

    /** The user exit block of a combination, for tests and the operator. */
    public Object uxb(String user, String address) {
        Uxb uxb = uxbs.get(key(user, address));
        return uxb == null ? null : uxb.value;
    }

    private ExitResult run(ExitEvent e) {
        try {
            ExitResult r = resultOf(call(e.type(), e));
            if (r.failed()) {
                audit.record("EXIT", e.user(), e.address(), r.name(), e.type() + " exit failed the request");
            }
            return r;
        } catch (TimeoutException t) {
            LOG.warn("The {} exit did not answer within {} s: request failed", e.type(), timeout.toSeconds());
            audit.record("EXIT_FAULT", e.user(), e.address(), "TIMEOUT", e.type() + " exit hung");
            return ExitResult.FAIL;
        } catch (Exception x) {
            LOG.warn("The {} exit failed: {}", e.type(), x.toString());
            audit.record("EXIT_FAULT", e.user(), e.address(), "EXCEPTION", e.type() + " exit threw "
                    + x.getClass().getSimpleName());
            return ExitResult.FAIL;
        }
    }

    private Exchange call(String type, ExitEvent e) throws Exception {
        Future<Exchange> f = executor.submit(() -> template.request("direct:exit-" + type, x -> {
            x.setProperty(ExitKeys.EVENT, e);
            x.getMessage().setHeader(ExitKeys.USER, e.user());
            x.getMessage().setHeader(ExitKeys.ADDRESS, e.address());
            x.getMessage().setHeader(ExitKeys.PATH, e.path());
            x.getMessage().setHeader(ExitKeys.ACCESS, e.access());
            x.getMessage().setHeader(ExitKeys.GXB, e.gxb());
            x.getMessage().setHeader(ExitKeys.UXB, e.uxb());
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
        Object uxbFromRoute = done.getMessage().getHeader(ExitKeys.UXB);
        if (uxbFromRoute != null) {
            e.uxb(uxbFromRoute);
        }
        return done;
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

    private static String key(String user, String address) {
        return user + "@" + address;
    }
}
