package dev.passgate.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.session.ClientIdRegistry.Handoff;
import dev.passgate.session.ClientIdRegistry.Refusal;
import dev.passgate.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The reconnect's client IDs: random, single use, bound to their handoff and the logon's address, expiring. */
class ClientIdRegistryTest {

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
    private final ClientIdRegistry<String> ids = new ClientIdRegistry<>(clock, true);

    @Test
    void anIdIsRandomUrlSafeAndAtLeast128Bits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = ids.issue(new Handoff(), "s" + i, "127.0.0.1", 30_000);
            assertTrue(id.matches("[A-Za-z0-9_-]{32}"), id);
            assertTrue(seen.add(id));
        }
    }

    @Test
    void anIdIsRedeemedOnceFromItsAddress() {
        Handoff h = new Handoff();
        String id = ids.issue(h, "session-1", "127.0.0.1", 30_000);
        assertEquals(Refusal.WRONG_ADDRESS, ids.redeem(h, id, "127.0.0.2").refusal());
        assertEquals(Refusal.WRONG_ID, ids.redeem(h, "made-up", "127.0.0.1").refusal());
        assertEquals("session-1", ids.redeem(h, id, "127.0.0.1").value(), "foreign and wrong tries leave the ID for its owner");
        assertEquals(Refusal.UNKNOWN, ids.redeem(h, id, "127.0.0.1").refusal(), "single use");
        assertEquals(0, ids.size());
    }

    @Test
    void anIdExpiresWithTheHandoff() {
        Handoff h = new Handoff();
        String id = ids.issue(h, "session-1", "127.0.0.1", 30_000);
        clock.advance(Duration.ofSeconds(31));
        assertEquals(Refusal.EXPIRED, ids.redeem(h, id, "127.0.0.1").refusal());
        assertEquals(0, ids.size());
    }

    @Test
    void addressBindingCanBeTurnedOff() {
        ClientIdRegistry<String> loose = new ClientIdRegistry<>(clock, false);
        Handoff h = new Handoff();
        String id = loose.issue(h, "session-1", "127.0.0.1", 30_000);
        assertTrue(loose.redeem(h, id, "10.9.8.7").accepted());
    }

    @Test
    void ofManySimultaneousRedeemsExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                Handoff h = new Handoff();
                String id = ids.issue(h, "s" + round, "127.0.0.1", 30_000);
                AtomicInteger winners = new AtomicInteger();
                Future<?>[] tries = new Future<?>[8];
                for (int i = 0; i < tries.length; i++) {
                    tries[i] = pool.submit(() -> {
                        if (ids.redeem(h, id, "127.0.0.1").accepted()) {
                            winners.incrementAndGet();
                        }
                    });
                }
                for (Future<?> f : tries) {
                    f.get(5, TimeUnit.SECONDS);
                }
                assertEquals(1, winners.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theRegistryNeverShowsAnId() {
        Handoff h = new Handoff();
        String id = ids.issue(h, "session-1", "127.0.0.1", 30_000);
        assertFalse(ids.toString().contains(id));
        assertFalse(h.toString().contains(id));
        assertTrue(ids.withdraw(h));
        assertFalse(ids.withdraw(h), "withdrawn once");
        assertEquals(0, ids.size());
    }

    @Test
    void anIdIsRedeemableOnlyOnTheHandoffItWasIssuedFor() {
        Handoff a = new Handoff();
        Handoff b = new Handoff();
        String idA = ids.issue(a, "session-A", "127.0.0.1", 30_000);
        String idB = ids.issue(b, "session-B", "127.0.0.1", 30_000);
        assertEquals(Refusal.WRONG_ID, ids.redeem(a, idB, "127.0.0.1").refusal(), "B's own ID on A's handoff");
        assertEquals(Refusal.WRONG_ID, ids.redeem(b, idA, "127.0.0.1").refusal());
        assertEquals(2, ids.size(), "a foreign try disturbs neither handoff");
        assertEquals("session-A", ids.redeem(a, idA, "127.0.0.1").value());
        assertEquals("session-B", ids.redeem(b, idB, "127.0.0.1").value());
        assertEquals(Refusal.UNKNOWN, ids.redeem(null, idA, "127.0.0.1").refusal(), "no handoff, no redeem");
    }

    @Test
    void aHandoffHasOneIdAtMost() {
        Handoff h = new Handoff();
        ids.issue(h, "session-1", "127.0.0.1", 30_000);
        assertThrows(IllegalStateException.class, () -> ids.issue(h, "session-2", "127.0.0.1", 30_000));
        assertEquals(1, ids.size());
    }
}
