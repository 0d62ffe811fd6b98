package dev.passgate.daemon;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Step: refuse addresses that failed too often this minute, before any password is checked. */
public class RateLimitProcessor implements Processor {

    private final FailureRateLimiter limiter;

    public RateLimitProcessor(FailureRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void process(Exchange exchange) {
        if (limiter.limited(LogonState.of(exchange).address)) {
            throw new ProtocolException(ErrorCode.RATE_LIMITED);
        }
    }
}
