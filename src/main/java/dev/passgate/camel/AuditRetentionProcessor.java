package dev.passgate.camel;

import dev.passgate.security.AuditEvent;
import dev.passgate.security.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step: deletes audit records older than {@code passgate.audit.retention-days} (0 keeps
 * them for ever) and audits the purge itself. Sets header PassGatePurged.
 */
public class AuditRetentionProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRetentionProcessor.class);

    private final AuditLog audit;
    private final Clock clock;
    private final int retentionDays;

    public AuditRetentionProcessor(AuditLog audit, Clock clock, int retentionDays) {
        if (retentionDays < 0) {
            throw new IllegalStateException("passgate.audit.retention-days is a number of days, 0 to keep records for ever");
        }
        this.audit = audit;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    @Override
    public void process(Exchange exchange) {
        if (retentionDays == 0) {
            exchange.getMessage().setHeader(ReplayPurgeProcessor.PURGED, 0);
            return;
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
        int purged = audit.purgeBefore(cutoff);
        if (purged > 0) {
            audit.record(AuditEvent.AUDIT_PURGE, null, "PASSGATE", "PURGED", purged + " records older than " + retentionDays
                    + " days (before " + cutoff + ")");
            LOG.info("Purged {} audit records older than {} days", purged, retentionDays);
        }
        exchange.getMessage().setHeader(ReplayPurgeProcessor.PURGED, purged);
    }
}
