package dev.passgate.camel;

import dev.passgate.passticket.ReplayStore;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One step: forget replay records whose tickets can no longer be valid. Sets header PassGatePurged. */
public class ReplayPurgeProcessor implements Processor {

    public static final String PURGED = "PassGatePurged";
    private static final Logger LOG = LoggerFactory.getLogger(ReplayPurgeProcessor.class);

    private final ReplayStore store;
    private final Clock clock;

    public ReplayPurgeProcessor(ReplayStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        int purged = store.purgeExpired(clock.instant().getEpochSecond());
        exchange.getMessage().setHeader(PURGED, purged);
        LOG.debug("Purged {} expired PassTicket replay records", purged);
    }
}
