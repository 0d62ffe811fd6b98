package dev.passgate.daemon;

import dev.passgate.exit.ExitEventType;
import dev.passgate.exit.ExitResult;
import dev.passgate.exit.LoginExits;
import dev.passgate.passticket.RacfName;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Logon steps where the installation exits get control, before the security registry:
 * the new-user-session exit (for a user and address with no active session) and the
 * login exit (every logon); the first of them also has the after-login exit told the logon's
 * outcome when the route is done. A failing exit fails the logon with EXIT_REJECTED (DISCONNECT
 * also closes the connection). In the exports and none modes a passing login exit decides
 * the logon alone and the registry's checks are skipped.
 */
public class LogonExitProcessor implements Processor {

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
    public void process(Exchange exchange) {
        LogonState state = LogonState.of(exchange);
        // A trusted logon knows its user before the exits run; the others name it in the request.
        String user = state.logonEnvironment != null ? state.logonEnvironment.user() : state.request.text("user")
                .filter(RacfName::isValid).map(u -> u.toUpperCase(Locale.ROOT)).orElse(null);
        ExitResult r = event == ExitEventType.NEW_SESSION ? exits.newSession(exchange, user, state.address)
                : exits.login(exchange, user, state.address);
        if (r == ExitResult.DISCONNECT) {
            exchange.setProperty(ClientErrorProcessor.CLOSE, true);
        }
        if (r.failed()) {
            throw new ProtocolException(ErrorCode.EXIT_REJECTED);
        }
        if (event == ExitEventType.LOGIN && user != null && state.logonEnvironment == null
                && !exits.mode().registryVerifiesLogon(exits.active())) {
            state.exitDecidedUser = user;
        }
    }
}
