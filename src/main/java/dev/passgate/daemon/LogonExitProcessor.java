package dev.passgate.daemon;

import dev.passgate.exit.ExitEventType;
import dev.passgate.exit.ExitResult;
import dev.passgate.exit.LoginExits;
import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import org.apache.camel.Exchange;

/**
 * Logon steps where the installation exits get control, before the security registry:
 * the new-user-session exit (for a user and address with no active session) and the
 * login exit (every logon); the first of them also has the after-login exit told the logon's
 * outcome when the route is done. A failing exit fails the logon with EXIT_REJECTED (DISCONNECT
 * also closes the connection). The login step says who checks the logon next
 * ({@link LogonCheck}): in the exports and none modes a passing exit decides it alone, and the
 * route takes the exit's path instead of the registry's.
 */
public class LogonExitProcessor implements Step {

    private final LoginExits exits;
    private final ExitEventType event;

    /** @param event which exit this step calls: NEW_SESSION or LOGIN */
    public LogonExitProcessor(LoginExits exits, ExitEventType event) {
        if (event != ExitEventType.NEW_SESSION && event != ExitEventType.LOGIN) {
            throw new IllegalArgumentException("a logon step calls the new-session or login exit, not " + event);
        }
        this.exits = exits;
        this.event = event;
    }

    @Override
    public StepContract contract() {
        StepContract reads = StepContract.reads(LogonKeys.REQUEST, LogonKeys.CLAIM);
        return event == ExitEventType.LOGIN ? reads.andWrites(LogonKeys.CHECK) : reads;
    }

    @Override
    public void process(Exchange exchange) {
        String address = LogonKeys.REQUEST.get(exchange).address();
        ClaimedUser claim = LogonKeys.CLAIM.get(exchange);
        ExitResult r = event == ExitEventType.NEW_SESSION ? exits.newSession(exchange, claim.user(), address)
                : exits.login(exchange, claim.user(), address);
        if (r == ExitResult.DISCONNECT) {
            LogonKeys.CLOSE.set(exchange, true);
        }
        if (r.failed()) {
            throw new ProtocolException(ErrorCode.EXIT_REJECTED);
        }
        if (event == ExitEventType.LOGIN) {
            LogonKeys.CHECK.set(exchange, exitAlone(claim) ? LogonCheck.EXIT : LogonCheck.REGISTRY);
        }
    }

    /** A partner's vouching is a registry check already; an exit alone can let in only a named user. */
    private boolean exitAlone(ClaimedUser claim) {
        return claim.user() != null && claim.vouched() == null && !exits.mode().registryVerifiesLogon(exits.active());
    }
}
