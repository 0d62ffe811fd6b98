package dev.passgate.daemon;

import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import dev.passgate.security.AccessChecker;
import dev.passgate.security.AccessLevel;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Step: the user needs READ on {@code APPL <applid>} (no profile: allowed, as in RACF). */
public class AuthorizeApplidProcessor implements Processor {

    private final AccessChecker access;
    private final String applid;

    public AuthorizeApplidProcessor(AccessChecker access, String applid) {
        this.access = access;
        this.applid = applid;
    }

    @Override
    public void process(Exchange exchange) {
        LogonState state = LogonState.of(exchange);
        if (state.exitDecidedUser != null) {
            return; // in the exports and none modes the exit decides, not the registry
        }
        if (!access.check(state.logonEnvironment, "APPL", applid, AccessLevel.READ).allowed()) {
            throw new ProtocolException(ErrorCode.NOT_AUTHORIZED, "not authorized to application " + applid);
        }
    }
}
