package dev.passgate.daemon;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logons per client address in the current minute. Past the limit an address gets
 * {@code RATE_LIMITED} until the minute is over; successful logons are never limited.
 */
public final class FailureRateLimiter {

    private record Window(long minute, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int maxPerMinute;
    private final Clock clock;

    public FailureRateLimiter(int maxPerMinute, Clock clock) {
        this.maxPerMinute = maxPerMinute;
        this.clock = clock;
    }

    public boolean limited(String address) {
        Window w = windows.get(address);
        return w != null && w.minute() == minute() && w.failures() >= maxPerMinute;
    }

    public void recordFailure(String address) {
        long m = minute();
        windows.merge(address, new Window(m, 1), (old, one) -> old.minute() == m ? new Window(m, old.failures() + 1) : one);
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> w.minute() < m); // forget last minute's addresses
        }
    }

    private long minute() {
        return clock.millis() / 60_000;
    }
}
