package dev.passgate.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Failed Basic logons per address: successes are forgiven, other addresses are untouched, the window slides. */
class BasicAuthLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final BasicAuthLimiter limiter = new BasicAuthLimiter(3, Duration.ofMinutes(1), clock);

    @Test
    void successesDoNotCountAndTheLimitLiftsAWindowAfterTheOldestFailure() {
        for (int i = 0; i < 10; i++) {
            limiter.begin("127.0.0.1").orElseThrow().succeeded();
        }
        limiter.begin("127.0.0.1").orElseThrow();
        clock.advance(Duration.ofSeconds(30));
        limiter.begin("127.0.0.1").orElseThrow();
        limiter.begin("127.0.0.1").orElseThrow();
        assertTrue(limiter.begin("127.0.0.1").isEmpty(), "three failures: limited");
        assertEquals(30, limiter.retryAfterSeconds("127.0.0.1"));
        assertFalse(limiter.begin("127.0.0.2").isEmpty(), "other addresses are not affected");
        clock.advance(Duration.ofSeconds(30));
        assertFalse(limiter.begin("127.0.0.1").isEmpty(), "the first failure has left the window");
    }
}
