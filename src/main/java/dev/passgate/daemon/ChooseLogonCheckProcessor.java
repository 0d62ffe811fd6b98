package dev.passgate.daemon;

import dev.passgate.exit.LoginExits;
import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import org.apache.camel.Exchange;

/**
 * Step, after the login exit let the logon through: who checks it next ({@link LogonCheck}). In
 * the exports and none security modes with an exit, the exit alone decides for a named user, and
 * the route takes the exit's path; otherwise the registry checks the credentials and the APPL.
 */
public class ChooseLogonCheckProcessor implements Step {

    private final LoginExits exits;

    public ChooseLogonCheckProcessor(LoginExits exits) {
        this.exits = exits;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(LogonKeys.CLAIM).andWrites(LogonKeys.CHECK);
    }

    @Override
    public void process(Exchange exchange) {
        ClaimedUser claim = LogonKeys.CLAIM.get(exchange);
        LogonKeys.CHECK.set(exchange, exitAlone(claim) ? LogonCheck.EXIT : LogonCheck.REGISTRY);
    }

    /** A partner's vouching is a registry check already; an exit alone can let in only a named user. */
    private boolean exitAlone(ClaimedUser claim) {
        return claim.user() != null && claim.vouched() == null && !exits.mode().registryVerifiesLogon(exits.active());
    }
}
