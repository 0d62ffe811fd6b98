package dev.passgate.daemon;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Lets a warning through at most once per period, whatever the number of threads asking: a
 * condition an attacker can cause must not fill the log.
 */
final class LogThrottle {

    private final long periodNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong next;

    LogThrottle(Duration period, LongSupplier nanoTime) {
        this.periodNanos = period.toNanos();
        this.nanoTime = nanoTime;
        this.next = new AtomicLong(nanoTime.getAsLong());
    }

    static LogThrottle oncePerMinute() {
        return new LogThrottle(Duration.ofMinutes(1), System::nanoTime);
    }

    /** Whether this call may log; if so, the next one may only after the period. */
    boolean due() {
        long now = nanoTime.getAsLong();
        long at = next.get();
        return now - at >= 0 && next.compareAndSet(at, now + periodNanos);
    }
}
