package dev.passgate.daemon;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.security.Verifier;
import dev.passgate.security.VerifyRequest;
import dev.passgate.security.VerifyResult;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step: the registry verifies the credentials the step before it gathered (password, PassTicket
 * or certificate) and settles the logon's place in its address's failure budget. This is the
 * logon's only password check; everything after it runs on PassTickets.
 */
public class AuthenticateProcessor implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticateProcessor.class);

    private final Verifier verifier;
    private final FailureRateLimiter limiter;

    public AuthenticateProcessor(Verifier verifier, FailureRateLimiter limiter) {
        this.verifier = verifier;
        this.limiter = limiter;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(LogonKeys.REQUEST, LogonKeys.CREDENTIALS).andWrites(LogonKeys.USER);
    }

    @Override
    public void process(Exchange exchange) {
        String address = LogonKeys.REQUEST.get(exchange).address();
        VerifyRequest credentials = LogonKeys.CREDENTIALS.get(exchange);
        exchange.removeProperty(LogonKeys.CREDENTIALS.name()); // the secret is spent: nothing after this step sees it
        VerifyResult result = verifier.verify(credentials);
        // Revoked answers count too: they come whatever the secret, so counting them tells nothing.
        settle(exchange, result.outcome() == VerifyResult.Outcome.AUTH_FAILED
                || result.outcome() == VerifyResult.Outcome.USER_REVOKED, address);
        if (!result.success()) {
            LOG.info("Logon refused from {}: {} ({})", address, result.outcome(), result.detail());
            throw new ProtocolException(ErrorCode.of(result.outcome()));
        }
        LogonKeys.USER.set(exchange, new LogonUser(result.environment().user(), result.environment()));
    }

    /** Counts a failure against the address, or gives the logon's place in the budget back. */
    private void settle(Exchange exchange, boolean failed, String address) {
        FailureRateLimiter.Attempt attempt = LogonKeys.ATTEMPT.find(exchange).orElse(null);
        if (attempt == null) {
            if (failed) {
                limiter.recordFailure(address); // the rate-limit step was replaced: count it all the same
            }
        } else if (failed) {
            attempt.failed();
        } else {
            attempt.release();
        }
    }
}
