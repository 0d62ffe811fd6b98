package dev.passgate.camel;

import dev.passgate.security.AuditEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passgate.PassGate;
import dev.passgate.security.AuditLog;
import dev.passgate.testkit.TestPassGate;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in audit retention route: records past passgate.audit.retention-days go, the rest stay. */
class AuditRetentionRouteTest {

    @TempDir
    Path data;

    /** The node's settings: the test's own, on the store this class runs on (H2 here). */
    protected Map<String, String> settings(String key, String value) {
        return Map.of(key, value);
    }

    private static void backdate(PassGate passGate, String user, Duration age) {
        AuditLog audit = passGate.security().audit();
        audit.record(AuditEvent.VERIFY, user, "test", "SUCCESS", "seeded");
        audit.sync();
        new dev.passgate.store.Jdbc(passGate.security().dataSource()).update(
                "UPDATE audit_log SET logged_at = ? WHERE user_id = ?", Timestamp.from(Instant.now().minus(age)), user);
    }

    @Test
    void recordsOlderThanTheRetentionArePurgedAndThePurgeIsAudited() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            PassGate passGate = TestPassGate.install(context, data, settings("passgate.audit.retention-days", "30"));
            AdviceWith.adviceWith(context, "audit-retention-purge", a -> a.replaceFromWith("direct:purge-now"));
            context.start();
            backdate(passGate, "OLDJOE", Duration.ofDays(31));
            backdate(passGate, "NEWJOE", Duration.ofDays(29));

            var out = context.createProducerTemplate().request("direct:purge-now", e -> { });
            assertEquals(1, out.getMessage().getHeader(ReplayPurgeProcessor.PURGED, Integer.class));
            AuditLog audit = passGate.security().audit();
            assertTrue(audit.query("OLDJOE", null, 10).isEmpty(), "the old record is gone");
            assertEquals(1, audit.query("NEWJOE", null, 10).size(), "the recent record stays");
            assertEquals(1, audit.query(null, AuditEvent.AUDIT_PURGE, 10).size(), "the purge is itself audited");
        }
    }

    @Test
    void retentionZeroKeepsEverything() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            PassGate passGate = TestPassGate.install(context, data, settings("passgate.audit.retention-days", "0"));
            AdviceWith.adviceWith(context, "audit-retention-purge", a -> a.replaceFromWith("direct:purge-now"));
            context.start();
            backdate(passGate, "OLDJOE", Duration.ofDays(3650));
            context.createProducerTemplate().request("direct:purge-now", e -> { });
            assertEquals(1, passGate.security().audit().query("OLDJOE", null, 10).size());
        }
    }

    @Test
    void quartzRunsThePurgeOnTheConfiguredSchedule() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            TestPassGate.install(context, data, settings("passgate.audit.purge-cron", "0/1 * * * * ?"));
            NotifyBuilder purged = new NotifyBuilder(context).fromRoute("audit-retention-purge").whenDone(1).create();
            context.start();
            assertTrue(purged.matches(10, TimeUnit.SECONDS), "the Quartz trigger fired the purge route");
        }
    }
}
