package dev.passgate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The caps on handoffs waiting for their client: per user, per address, given back once each. */
class PendingHandoffsTest {

    @Test
    void aUsersFourthPendingHandoffIsRefusedNamingTheRule() {
        PendingHandoffs pending = new PendingHandoffs(3, 10);
        PendingHandoffs.Claim first = pending.claim("JOE", "127.0.0.1");
        pending.claim("JOE", "127.0.0.1");
        pending.claim("JOE", "127.0.0.2");
        ProtocolException refused = assertThrows(ProtocolException.class, () -> pending.claim("JOE", "127.0.0.3"));
        assertEquals(ErrorCode.PORT_UNAVAILABLE, refused.code());
        assertTrue(refused.getMessage().contains("passgate.server.max-pending-per-user=3"), refused.getMessage());
        pending.claim("ANN", "127.0.0.1"); // another user is not held up
        first.close();
        first.close(); // twice is harmless: it frees one place, not two
        pending.claim("JOE", "127.0.0.3");
        assertThrows(ProtocolException.class, () -> pending.claim("JOE", "127.0.0.3"));
        assertEquals(4, pending.size(), "three of JOE, one of ANN");
    }

    @Test
    void anAddressIsCappedAcrossUsers() {
        PendingHandoffs pending = new PendingHandoffs(3, 2);
        pending.claim("JOE", "127.0.0.1");
        pending.claim("ANN", "127.0.0.1");
        ProtocolException refused = assertThrows(ProtocolException.class, () -> pending.claim("BOB", "127.0.0.1"));
        assertEquals(ErrorCode.PORT_UNAVAILABLE, refused.code());
        assertTrue(refused.getMessage().contains("passgate.server.max-pending-per-address=2"), refused.getMessage());
        pending.claim("BOB", "127.0.0.2");
        assertEquals(3, pending.size());
    }

    @Test
    void zeroMeansNoCap() {
        PendingHandoffs pending = new PendingHandoffs(0, 0);
        for (int i = 0; i < 100; i++) {
            pending.claim("JOE", "127.0.0.1");
        }
        assertEquals(100, pending.size());
    }

    @Test
    void closingEndsEveryWaitingHandoffAndFreesItsPlace() {
        PendingHandoffs pending = new PendingHandoffs(3, 10);
        AtomicInteger ended = new AtomicInteger();
        PendingHandoffs.Claim bound = pending.claim("JOE", "127.0.0.1");
        bound.endsWith(() -> {
            ended.incrementAndGet();
            bound.close(); // as a listener's end does
        });
        pending.claim("JOE", "127.0.0.1"); // not bound yet: only its place goes back
        pending.close();
        assertEquals(1, ended.get());
        assertEquals(0, pending.size());
        for (int i = 0; i < 3; i++) {
            pending.claim("JOE", "127.0.0.1");
        }
    }
}
