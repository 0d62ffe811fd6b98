package dev.passgate.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The per-address limit on failed logons: a sliding minute, per address, with places taken before the check. */
class FailureRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:59.900Z"));
    private final FailureRateLimiter limiter = new FailureRateLimiter(3, clock);

    private void fail(String address) {
        limiter.admit(address).orElseThrow().failed();
    }

    @Test
    void theLimitHoldsAcrossAClockMinuteAndLiftsAMinuteAfterTheOldestFailure() {
        fail("10.0.0.1");
        clock.advance(Duration.ofMillis(200)); // now past the full minute
        fail("10.0.0.1");
        fail("10.0.0.1");
        assertTrue(limiter.admit("10.0.0.1").isEmpty());
        assertTrue(limiter.admit("10.0.0.2").isPresent(), "other addresses are not affected");
        clock.advance(Duration.ofSeconds(59).plusMillis(800)); // the first failure is now a minute old
        fail("10.0.0.1");
        assertTrue(limiter.admit("10.0.0.1").isEmpty(), "the two later failures still count");
    }

    @Test
    void releasedPlacesAreNotFailuresAndSettlingTwiceCountsOnce() {
        for (int i = 0; i < 10; i++) {
            limiter.admit("10.0.0.1").orElseThrow().release();
        }
        FailureRateLimiter.Attempt a = limiter.admit("10.0.0.1").orElseThrow();
        a.failed();
        a.failed();
        a.release();
        fail("10.0.0.1");
        assertTrue(limiter.admit("10.0.0.1").isPresent(), "two failures of three, whatever was settled again");
    }

    @Test
    void anAddressBlockedForTheClusterIsRefusedUntilThenAndOthersAreNot() {
        limiter.block("10.0.0.1", 30_000);
        limiter.block("10.0.0.1", 1_000); // a shorter block does not shorten the one in force
        assertTrue(limiter.admit("10.0.0.1").isEmpty());
        assertTrue(limiter.admit("10.0.0.2").isPresent());
        clock.advance(Duration.ofSeconds(29));
        assertTrue(limiter.admit("10.0.0.1").isEmpty());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(limiter.admit("10.0.0.1").isPresent(), "the block ends at its time");
    }

    @Test
    void failuresRecordedWithoutAPlaceCountToo() {
        limiter.recordFailure("10.0.0.1");
        limiter.recordFailure("10.0.0.1");
        limiter.recordFailure("10.0.0.1");
        assertTrue(limiter.admit("10.0.0.1").isEmpty());
    }

    @Test
    void parallelAttemptsNeverGetMoreChecksThanTheLimit() throws Exception {
        FailureRateLimiter twenty = new FailureRateLimiter(20, clock);
        ExecutorService threads = Executors.newFixedThreadPool(60);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> admitted = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                admitted.add(threads.submit(() -> {
                    go.await();
                    Optional<FailureRateLimiter.Attempt> a = twenty.admit("10.0.0.1");
                    a.ifPresent(FailureRateLimiter.Attempt::failed); // every guess is wrong
                    return a.isPresent();
                }));
            }
            go.countDown();
            int checks = 0;
            for (Future<Boolean> f : admitted) {
                checks += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(20, checks);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aLogonWaitsForPlacesInFlightInsteadOfBeingRefused() throws Exception {
        FailureRateLimiter.Attempt first = limiter.admit("10.0.0.1").orElseThrow();
        FailureRateLimiter.Attempt second = limiter.admit("10.0.0.1").orElseThrow();
        fail("10.0.0.1");
        CompletableFuture<Optional<FailureRateLimiter.Attempt>> waiting =
                CompletableFuture.supplyAsync(() -> limiter.admit("10.0.0.1"));
        assertThrows(TimeoutException.class, () -> waiting.get(300, TimeUnit.MILLISECONDS),
                "two checks in flight and one failure use up the budget of three");
        first.release(); // that check succeeded
        FailureRateLimiter.Attempt third = waiting.get(5, TimeUnit.SECONDS).orElseThrow();
        CompletableFuture<Optional<FailureRateLimiter.Attempt>> next =
                CompletableFuture.supplyAsync(() -> limiter.admit("10.0.0.1"));
        second.failed();
        third.failed();
        assertFalse(next.get(5, TimeUnit.SECONDS).isPresent(), "once failures reach the limit, a waiting logon is refused");
    }
}
