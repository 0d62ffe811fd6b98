package dev.passgate.daemon;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Step: refuse addresses that failed too often this minute, before any password is checked,
 * and hold the admitted logon's place in the address's budget until the authenticate step
 * settles it ({@link FailureRateLimiter}).
 */
public class RateLimitProcessor implements Processor {

    /** Exchange property: this logon's {@link FailureRateLimiter.Attempt}. */
    public static final String ATTEMPT = "PassGateLogonAttempt";

    private final FailureRateLimiter limiter;

    public RateLimitProcessor(FailureRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void process(Exchange exchange) {
        FailureRateLimiter.Attempt attempt = limiter.admit(LogonState.of(exchange).address)
                .orElseThrow(() -> new ProtocolException(ErrorCode.RATE_LIMITED));
        exchange.setProperty(ATTEMPT, attempt);
        // A logon that ends before its check settled it (bad request, exit, error) gives its place back.
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                attempt.release();
            }
        });
    }
}
