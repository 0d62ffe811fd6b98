package dev.passgate.daemon;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Failed logons per client address over the last minute (a sliding window). Past the
 * limit an address gets {@code RATE_LIMITED} until its oldest counted failure is a minute
 * old; successful logons are never counted.
 *
 * <p>A logon takes its place in the budget before its secret is checked ({@link #admit}) and
 * settles it after ({@link Attempt#failed()} or {@link Attempt#release()}): failures plus
 * checks in flight never exceed the limit, so parallel connections cannot get more guesses
 * checked than the limit allows. A logon that finds the rest of the budget held by checks in
 * flight waits for one of them to settle instead of being refused, so parallel correct
 * logons from one address are not limited.
 *
 * <p>In a cluster the other nodes' failures count too: each failure is told to the
 * {@link #onFailure} observer (which records it in the store), and an address the cluster's
 * failures have used up is {@link #block}ed here until then. Admission reads only memory.
 */
public final class FailureRateLimiter {

    private static final long WINDOW_MILLIS = 60_000;
    /** Far more than a password check takes; past it a logon still waiting is refused rather than kept. */
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int FORGET_ABOVE_ADDRESSES = 10_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    /** Addresses the cluster's failures have used up, with until when (this limiter's clock). */
    private final Map<String, Long> blockedUntil = new ConcurrentHashMap<>();
    private volatile Consumer<String> failureObserver = address -> { };
    private final int maxPerMinute;
    private final Clock clock;

    public FailureRateLimiter(int maxPerMinute, Clock clock) {
        this.maxPerMinute = maxPerMinute;
        this.clock = clock;
    }

    /** Tells the observer each failure's address, after it is counted here (on the thread of the logon). */
    public void onFailure(Consumer<String> observer) {
        this.failureObserver = observer;
    }

    /**
     * Refuses the address for the next {@code forMillis}, whatever this node counted: the
     * cluster's failures reached the limit. A shorter block than one in force changes nothing.
     */
    public void block(String address, long forMillis) {
        if (forMillis > 0) {
            blockedUntil.merge(address, clock.millis() + forMillis, Math::max);
        }
    }

    private boolean blocked(String address, long now) {
        Long until = blockedUntil.get(address);
        if (until == null) {
            return false;
        }
        if (until > now) {
            return true;
        }
        blockedUntil.remove(address, until);
        return false;
    }

    /** One admitted logon's place in its address's budget, until its check has an outcome. */
    public final class Attempt {
        private final Window window;
        private final String address;
        private boolean settled;

        private Attempt(Window window, String address) {
            this.window = window;
            this.address = address;
        }

        /** The check failed: the place becomes one of the minute's failures. */
        public void failed() {
            settle(true);
        }

        /** The check succeeded, or never ran: the place is free again. Does nothing once settled. */
        public void release() {
            settle(false);
        }

        private void settle(boolean failure) {
            synchronized (window) {
                if (settled) {
                    return;
                }
                settled = true;
                window.inFlight--;
                if (failure) {
                    window.add(clock.millis(), maxPerMinute);
                }
                window.notifyAll();
            }
            if (failure) {
                failureObserver.accept(address);
            }
        }
    }

    /**
     * A place for one logon from the address, or empty when the address has used up its failures
     * for this minute (or the places in flight did not settle in time).
     */
    public Optional<Attempt> admit(String address) {
        Optional<Attempt> attempt = waitForPlace(address, System.nanoTime() + MAX_WAIT_NANOS);
        forgetIdleWhenMany(); // outside any window's monitor: it takes each of them in turn
        return attempt;
    }

    private Optional<Attempt> waitForPlace(String address, long deadline) {
        while (true) {
            Window w = windows.computeIfAbsent(address, a -> new Window());
            synchronized (w) {
                if (w.forgotten) {
                    continue; // dropped from the map while we looked it up: take the one now there
                }
                while (true) {
                    long now = clock.millis();
                    w.forgetOld(now);
                    if (w.failures.size() >= maxPerMinute || blocked(address, now)) {
                        return Optional.empty();
                    }
                    if (w.failures.size() + w.inFlight < maxPerMinute) {
                        w.inFlight++;
                        return Optional.of(new Attempt(w, address));
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return Optional.empty();
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(w, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Optional.empty();
                    }
                }
            }
        }
    }

    /** Counts a failure that was not admitted first (a route whose rate-limit step was replaced). */
    public void recordFailure(String address) {
        while (true) {
            Window w = windows.computeIfAbsent(address, a -> new Window());
            synchronized (w) {
                if (!w.forgotten) {
                    w.add(clock.millis(), maxPerMinute);
                    w.notifyAll();
                    break;
                }
            }
        }
        failureObserver.accept(address);
        forgetIdleWhenMany();
    }

    private void forgetIdleWhenMany() {
        long now = clock.millis();
        if (blockedUntil.size() > FORGET_ABOVE_ADDRESSES) {
            blockedUntil.values().removeIf(until -> until <= now);
        }
        if (windows.size() <= FORGET_ABOVE_ADDRESSES) {
            return;
        }
        windows.values().removeIf(w -> {
            synchronized (w) {
                w.forgetOld(now);
                w.forgotten = w.failures.isEmpty() && w.inFlight == 0;
                return w.forgotten;
            }
        });
    }

    /** One address's failures this minute and its checks in flight; guarded by its own monitor. */
    private static final class Window {
        final Deque<Long> failures = new ArrayDeque<>();
        int inFlight;
        boolean forgotten;

        void add(long now, int max) {
            forgetOld(now);
            failures.addLast(now);
            while (failures.size() > max) {
                failures.removeFirst(); // more than the limit tells nothing more
            }
        }

        void forgetOld(long now) {
            while (!failures.isEmpty() && failures.peekFirst() <= now - WINDOW_MILLIS) {
                failures.removeFirst();
            }
        }
    }
}
