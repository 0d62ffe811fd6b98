package dev.passgate.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-address limit on failed logons: a sliding minute, per address. */
class FailureRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:59.900Z"));
    private final FailureRateLimiter limiter = new FailureRateLimiter(3, clock);

    @Test
    void theLimitHoldsAcrossAClockMinuteAndLiftsAMinuteAfterTheOldestFailure() {
        limiter.recordFailure("10.0.0.1");
        clock.advance(Duration.ofMillis(200)); // now past the full minute
        limiter.recordFailure("10.0.0.1");
        limiter.recordFailure("10.0.0.1");
        assertTrue(limiter.limited("10.0.0.1"));
        assertFalse(limiter.limited("10.0.0.2"), "other addresses are not affected");
        clock.advance(Duration.ofSeconds(59).plusMillis(800)); // the first failure is now a minute old
        assertFalse(limiter.limited("10.0.0.1"));
        limiter.recordFailure("10.0.0.1");
        assertTrue(limiter.limited("10.0.0.1"), "the two later failures still count");
    }
}
