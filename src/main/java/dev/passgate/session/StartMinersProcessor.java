package dev.passgate.session;

import static dev.passgate.session.SessionKeys.MINERS_STARTED_KEY;
import static dev.passgate.session.SessionKeys.PENDING_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.security.AccessChecker;
import dev.passgate.security.AccessLevel;
import dev.passgate.security.PassTicketEnvironments;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.security.VerifyResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connect step: build each miner's security environment, from a PassTicket of its own, so a
 * miner acts with no more than the user's own rights. A miner protected by a
 * {@code FACILITY PASSGATE.MINER.<name>} profile starts only for users with READ on it. The
 * session's environments are audited here in one record, committed with the session's row
 * before the connect's reply.
 */
public class StartMinersProcessor implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(StartMinersProcessor.class);

    private final List<String> miners;
    private final PassTicketEnvironments environments;
    private final AccessChecker access;

    public StartMinersProcessor(List<String> miners, PassTicketEnvironments environments, AccessChecker access) {
        this.miners = miners;
        this.environments = environments;
        this.access = access;
    }

    @Override
    public StepContract contract() {
        return new StepContract(Set.of(PENDING_KEY), Set.of(MINERS_STARTED_KEY));
    }

    @Override
    public void process(Exchange exchange) {
        PendingSession pending = PENDING_KEY.get(exchange);
        SecurityEnvironment env = pending.environment();
        Map<String, SecurityEnvironment> started = new LinkedHashMap<>();
        for (String miner : miners) {
            String facility = "PASSGATE.MINER." + miner.toUpperCase(Locale.ROOT);
            if (access.findProfile("FACILITY", facility).isPresent()
                    && !access.check(env, "FACILITY", facility, AccessLevel.READ).allowed()) {
                continue;
            }
            VerifyResult r = environments.build(env, pending.address());
            if (r.success()) {
                started.put(miner, r.environment());
            } else {
                LOG.warn("Miner {} not started for {}: {} ({})", miner, env.user(), r.outcome(), r.detail());
            }
        }
        environments.recordSession(env.user(), pending.address(), started.keySet());
        MINERS_STARTED_KEY.set(exchange, new MinerEnvironments(started));
    }
}
