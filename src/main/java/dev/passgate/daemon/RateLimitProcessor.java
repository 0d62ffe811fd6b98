package dev.passgate.daemon;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Step: refuse addresses that failed too often this minute, before any password is checked,
 * and hold the admitted logon's place in the address's budget until the authenticate step
 * settles it ({@link FailureRateLimiter}).
 */
public class RateLimitProcessor implements Step {

    private final FailureRateLimiter limiter;

    public RateLimitProcessor(FailureRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(LogonKeys.REQUEST).andWrites(LogonKeys.ATTEMPT);
    }

    @Override
    public void process(Exchange exchange) {
        FailureRateLimiter.Attempt attempt = limiter.admit(LogonKeys.REQUEST.get(exchange).address())
                .orElseThrow(() -> new ProtocolException(ErrorCode.RATE_LIMITED));
        LogonKeys.ATTEMPT.set(exchange, attempt);
        // A logon that ends before its check settled it (bad request, exit, error) gives its place back.
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                attempt.release();
            }
        });
    }
}
