package dev.passgate.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The UXB bookkeeping: a block lives exactly as long as a logon, handoff or session uses its combination. */
class UserExitBlocksTest {

    private final UserExitBlocks blocks = new UserExitBlocks();
    private final AtomicInteger newSessions = new AtomicInteger();

    private void begin(String user) {
        blocks.logonBegins(user, "10.0.0.1", c -> {
            newSessions.incrementAndGet();
            c.block.set("UXB-" + user);
            return ExitResult.CONTINUE;
        }, ExitResult.CONTINUE);
    }

    @Test
    void aFailedLogonLeavesNoBlock() {
        begin("JOE");
        assertTrue(blocks.contains("JOE", "10.0.0.1"));
        blocks.logonEnds("JOE", "10.0.0.1", null);
        assertEquals(0, blocks.size());
    }

    @Test
    void aSuccessfulLogonKeepsTheBlockForItsSessionUntilTheLastLogout() {
        Object handoff = new Object();
        begin("JOE");
        blocks.logonEnds("JOE", "10.0.0.1", handoff);
        assertEquals("UXB-JOE", blocks.block("JOE", "10.0.0.1").get(), "kept while the port waits for its client");
        assertSame(handoff, blocks.sessionStarts("JOE", "10.0.0.1").orElseThrow(), "the session takes the handoff over");
        assertFalse(blocks.handoffExpires("JOE", "10.0.0.1", handoff), "a taken handoff does not expire");
        begin("JOE");
        assertEquals(1, newSessions.get(), "a combination in use gets no second new-session");
        blocks.logonEnds("JOE", "10.0.0.1", null);
        assertEquals("UXB-JOE", blocks.block("JOE", "10.0.0.1").get());
        blocks.sessionEnds("JOE", "10.0.0.1");
        assertEquals(0, blocks.size());
    }

    @Test
    void anExpiredHandoffLetsGoOfTheBlock() {
        Object handoff = new Object();
        begin("ANN");
        blocks.logonEnds("ANN", "10.0.0.1", handoff);
        assertTrue(blocks.handoffExpires("ANN", "10.0.0.1", handoff));
        assertEquals(0, blocks.size());
        begin("ANN");
        assertEquals(2, newSessions.get(), "the next logon is a new session again");
    }

    @Test
    void manyFailedLogonsFromNewAddressesKeepNothing() {
        for (int i = 0; i < 1000; i++) {
            String address = "10.0." + (i / 250) + "." + (i % 250);
            blocks.logonBegins("U" + i, address, c -> ExitResult.FAIL, ExitResult.CONTINUE);
            blocks.logonEnds("U" + i, address, null);
        }
        assertEquals(0, blocks.size());
    }

    @Test
    void anEndpointNamesItsEvent() {
        assertEquals(ExitEventType.NEW_SESSION, ExitEventType.consumedBy("direct://exit-new-session").orElseThrow());
        assertEquals(ExitEventType.AFTER_LOGIN, ExitEventType.consumedBy("direct:exit-after-login?timeout=1").orElseThrow());
        assertTrue(ExitEventType.consumedBy("direct:exit-logins").isEmpty());
        assertTrue(ExitEventType.consumedBy("seda:exit-login").isEmpty());
    }
}
