package dev.passgate.daemon;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import org.apache.camel.Exchange;

/**
 * Step: lets in the claimed user without a credentials check, on the two paths where something
 * else decided already: a trusted partner vouched for the user (its UTOKEN was verified), or, in
 * the exports and none security modes, the login exit alone let the user in. Either way the
 * logon gives its place in the failure budget back: no secret was tried.
 */
public class AcceptClaimProcessor implements Step {

    @Override
    public StepContract contract() {
        return StepContract.reads(LogonKeys.CLAIM).andWrites(LogonKeys.USER);
    }

    @Override
    public void process(Exchange exchange) {
        ClaimedUser claim = LogonKeys.CLAIM.get(exchange);
        LogonKeys.ATTEMPT.find(exchange).ifPresent(FailureRateLimiter.Attempt::release);
        if (claim.user() == null) {
            throw new ProtocolException(ErrorCode.AUTH_FAILED); // nobody to let in: the exit's path needs a named user
        }
        LogonKeys.USER.set(exchange, new LogonUser(claim.user(), claim.vouched()));
    }
}
