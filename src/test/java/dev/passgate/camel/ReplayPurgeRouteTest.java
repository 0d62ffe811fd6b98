package dev.passgate.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.PassGate;
import dev.passgate.passticket.PassTicketType;
import dev.passgate.passticket.ReplayStore;
import dev.passgate.testkit.TestPassGate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in replay purge route: on demand through AdviceWith, and on its real Quartz schedule. */
class ReplayPurgeRouteTest {

    @TempDir
    Path data;

    private static void seed(ReplayStore store, long now) {
        assertTrue(store.recordFirstUse("OLDUSER", "CICSPROD", PassTicketType.LEGACY, now - 2000, now - 1399));
        assertTrue(store.recordFirstUse("NEWUSER", "CICSPROD", PassTicketType.LEGACY, now, now + 601));
    }

    @Test
    void thePurgeStepForgetsOnlyExpiredUses() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            TestPassGate.install(context, data, Map.of());
            AdviceWith.adviceWith(context, "passticket-replay-purge", a -> a.replaceFromWith("direct:purge-now"));
            context.start();
            ReplayStore store = context.getRegistry().lookupByNameAndType(PassGate.REPLAY_STORE, ReplayStore.class);
            long now = Instant.now().getEpochSecond();
            seed(store, now);

            var out = context.createProducerTemplate().request("direct:purge-now", e -> { });
            assertEquals(1, out.getMessage().getHeader(ReplayPurgeProcessor.PURGED, Integer.class));
            assertTrue(store.recordFirstUse("OLDUSER", "CICSPROD", PassTicketType.LEGACY, now - 2000, now - 1399),
                    "the expired record is gone");
            assertFalse(store.recordFirstUse("NEWUSER", "CICSPROD", PassTicketType.LEGACY, now, now + 601),
                    "the live record stays");
        }
    }

    @Test
    void quartzRunsThePurgeOnTheConfiguredSchedule() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            TestPassGate.install(context, data, Map.of("passgate.passticket.replay-purge-cron", "0/1 * * * * ?"));
            NotifyBuilder purged = new NotifyBuilder(context).fromRoute("passticket-replay-purge").whenDone(1).create();
            context.start();
            ReplayStore store = context.getRegistry().lookupByNameAndType(PassGate.REPLAY_STORE, ReplayStore.class);
            seed(store, Instant.now().getEpochSecond());
            assertTrue(purged.matches(10, TimeUnit.SECONDS), "the Quartz trigger fired the purge route");
        }
    }
}
