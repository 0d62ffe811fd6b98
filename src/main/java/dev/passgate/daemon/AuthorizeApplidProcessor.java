package dev.passgate.daemon;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.security.AccessChecker;
import dev.passgate.security.AccessLevel;
import org.apache.camel.Exchange;

/**
 * Step: the user needs READ on {@code APPL <applid>} (no profile: allowed, as in RACF). The route
 * leaves it out where the login exit alone decided the logon (exports and none modes).
 */
public class AuthorizeApplidProcessor implements Step {

    private final AccessChecker access;
    private final String applid;

    public AuthorizeApplidProcessor(AccessChecker access, String applid) {
        this.access = access;
        this.applid = applid;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(LogonKeys.USER);
    }

    @Override
    public void process(Exchange exchange) {
        LogonUser user = LogonKeys.USER.get(exchange);
        if (user.environment() == null || !access.check(user.environment(), "APPL", applid, AccessLevel.READ).allowed()) {
            throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "not authorized to application " + applid);
        }
    }
}
