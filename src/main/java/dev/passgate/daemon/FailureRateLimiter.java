package dev.passgate.daemon;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logons per client address over the last minute (a sliding window). Past the
 * limit an address gets {@code RATE_LIMITED} until its oldest counted failure is a minute
 * old; successful logons are never limited.
 */
public final class FailureRateLimiter {

    private static final long WINDOW_MILLIS = 60_000;

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final int maxPerMinute;
    private final Clock clock;

    public FailureRateLimiter(int maxPerMinute, Clock clock) {
        this.maxPerMinute = maxPerMinute;
        this.clock = clock;
    }

    public boolean limited(String address) {
        Deque<Long> times = failures.get(address);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            forgetOld(times, clock.millis());
            return times.size() >= maxPerMinute;
        }
    }

    public void recordFailure(String address) {
        long now = clock.millis();
        Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            forgetOld(times, now);
            times.addLast(now);
            while (times.size() > maxPerMinute) {
                times.removeFirst(); // more than the limit tells nothing more
            }
        }
        if (failures.size() > 10_000) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    forgetOld(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    private static void forgetOld(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
            times.removeFirst();
        }
    }
}
