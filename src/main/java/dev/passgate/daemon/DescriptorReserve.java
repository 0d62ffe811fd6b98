package dev.passgate.daemon;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a share of the process's file descriptors for the work of clients already logged on: when
 * the open descriptors pass {@code 100 - passgate.daemon.descriptor-reserve-percent} percent of the
 * limit, the daemon refuses new connections that have not logged on, so that accept() itself never
 * runs out and sessions, their ports and the database keep working. Counting open descriptors
 * lists /proc/self/fd, so the count is sampled at most every 100 ms; the refusal ends by itself
 * once descriptors are freed. It is said in the log at most once a minute.
 */
final class DescriptorReserve {

    private static final Logger LOG = LoggerFactory.getLogger(DescriptorReserve.class);
    static final Duration SAMPLE_PERIOD = Duration.ofMillis(100);

    private final double reservePercent;
    private final LongSupplier open;
    private final LongSupplier max;
    private final LongSupplier nanoTime;
    private final LogThrottle warnings;
    private final AtomicLong nextSample;
    private volatile long lastOpen;
    private volatile long lastMax;
    private volatile boolean reserveReached;

    DescriptorReserve(double reservePercent, LongSupplier open, LongSupplier max, LongSupplier nanoTime,
            LogThrottle warnings) {
        if (reservePercent < 0 || reservePercent > 100) {
            throw new IllegalArgumentException("passgate.daemon.descriptor-reserve-percent is between 0 and 100");
        }
        this.reservePercent = reservePercent;
        this.open = open;
        this.max = max;
        this.nanoTime = nanoTime;
        this.warnings = warnings;
        this.nextSample = new AtomicLong(nanoTime.getAsLong());
    }

    /** For this process; where the JVM cannot count descriptors (not Unix) it never refuses. */
    static DescriptorReserve ofThisProcess(double reservePercent) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (reservePercent <= 0 || !(os instanceof UnixOperatingSystemMXBean unix)) {
            return new DescriptorReserve(0, () -> 0, () -> 0, System::nanoTime, LogThrottle.oncePerMinute());
        }
        return new DescriptorReserve(reservePercent, unix::getOpenFileDescriptorCount, unix::getMaxFileDescriptorCount,
                System::nanoTime, LogThrottle.oncePerMinute());
    }

    private long usable(long max) {
        return (long) (max * (100 - reservePercent) / 100);
    }

    /** Whether a new unauthenticated connection must be refused to keep the reserve. */
    boolean refuses() {
        if (reservePercent <= 0) {
            return false;
        }
        long now = nanoTime.getAsLong();
        long at = nextSample.get();
        if (now - at >= 0 && nextSample.compareAndSet(at, now + SAMPLE_PERIOD.toNanos())) {
            long o = open.getAsLong();
            long m = max.getAsLong();
            lastOpen = o;
            lastMax = m;
            reserveReached = m > 0 && o >= usable(m);
        }
        boolean refuse = reserveReached;
        if (refuse && warnings.due()) {
            LOG.warn("The daemon refuses new connections: {} of {} file descriptors are open, more than the {} that"
                    + " leave passgate.daemon.descriptor-reserve-percent={} for clients logged on; it accepts again as"
                    + " descriptors are freed. Said at most once a minute.", lastOpen, lastMax,
                    usable(lastMax), reservePercent);
        }
        return refuse;
    }
}
