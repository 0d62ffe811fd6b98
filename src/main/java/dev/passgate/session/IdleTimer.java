package dev.passgate.session;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Ends a session that has been idle for the idle timeout. Requests only stamp the session's
 * last activity; the timer fires at the earliest possible deadline and, if the session was
 * used since, re-arms itself for the remainder: no work per request beyond the stamp.
 */
public final class IdleTimer {

    private final Duration timeout;
    private final Clock clock;
    private final Consumer<Session> onIdle;

    /** @param timeout zero for sessions that never time out */
    public IdleTimer(Duration timeout, Clock clock, Consumer<Session> onIdle) {
        this.timeout = timeout;
        this.clock = clock;
        this.onIdle = onIdle;
    }

    public long timeoutSeconds() {
        return timeout.toSeconds();
    }

    public void start(Session session) {
        if (!timeout.isZero()) {
            arm(session, timeout.toMillis());
        }
    }

    private void arm(Session session, long delayMillis) {
        session.channel().eventLoop().schedule(() -> check(session), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void check(Session session) {
        if (session.ended()) {
            return;
        }
        long idle = clock.millis() - session.lastActivity();
        long remaining = timeout.toMillis() - idle;
        if (remaining <= 0) {
            session.executor().execute(() -> onIdle.accept(session));
        } else {
            arm(session, remaining);
        }
    }
}
