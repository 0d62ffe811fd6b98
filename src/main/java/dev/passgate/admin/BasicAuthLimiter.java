package dev.passgate.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed HTTP Basic logons to the admin API per remote address, over a sliding window.
 * Past the limit an address is refused, even with the right password, until its oldest
 * counted failure leaves the window. Each attempt counts as failed from the moment it
 * begins and is forgiven when the password turns out right, so attempts sent in parallel
 * cannot all pass the check before any of them is counted.
 */
final class BasicAuthLimiter {

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final long windowMillis;
    private final Clock clock;

    BasicAuthLimiter(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** One Basic logon under way; it stays counted as a failure unless {@link #succeeded()} is called. */
    final class Attempt {
        private final String address;
        private final Long at;

        private Attempt(String address, Long at) {
            this.address = address;
            this.at = at;
        }

        void succeeded() {
            Deque<Long> times = failures.get(address);
            if (times != null) {
                synchronized (times) {
                    times.removeLastOccurrence(at);
                }
            }
        }
    }

    /** A counted attempt, or empty when the address is at its limit. */
    Optional<Attempt> begin(String address) {
        long now = clock.millis();
        Long at = now;
        while (true) {
            Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
            synchronized (times) {
                if (failures.get(address) != times) {
                    continue; // emptied and dropped by forgetIdleAddresses meanwhile
                }
                forgetOld(times, now);
                if (times.size() >= maxFailures) {
                    return Optional.empty();
                }
                times.addLast(at);
                break;
            }
        }
        if (failures.size() > 10_000) {
            forgetIdleAddresses(now);
        }
        return Optional.of(new Attempt(address, at));
    }

    /** Whole seconds until the address may try again (at least 1). */
    long retryAfterSeconds(String address) {
        Deque<Long> times = failures.get(address);
        if (times == null) {
            return 1;
        }
        synchronized (times) {
            Long oldest = times.peekFirst();
            long wait = oldest == null ? 0 : oldest + windowMillis - clock.millis();
            return Math.max(1, (wait + 999) / 1000);
        }
    }

    private void forgetIdleAddresses(long now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                forgetOld(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }

    private void forgetOld(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
            times.removeFirst();
        }
    }
}
