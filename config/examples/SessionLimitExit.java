import dev.passgate.exit.ExitContext;
import dev.passgate.exit.ExitEvent;
import dev.passgate.exit.ExitResult;
import dev.passgate.exit.LoginExitAdapter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Example Java login exit: allows at most N sessions per user ID and client address.
 * The count lives in the user exit block (UXB), which PassGate keeps while the combination
 * is in use. Only successful logons count (after-login); each is matched by one logout, so a
 * user who mistypes the password is never locked out by the limit.
 *
 * Build it against target/passgate.jar, put the class on the class path and set
 *   passgate.exit.class=SessionLimitExit
 *   passgate.examples.session-limit=2   (default 3)
 */
public class SessionLimitExit extends LoginExitAdapter {

    private volatile int limit = 3;

    @Override
    public Object init(ExitContext context) {
        limit = context.setting("passgate.examples.session-limit").map(String::trim).map(Integer::parseInt).orElse(3);
        return null;
    }

    @Override
    public ExitResult newSession(ExitEvent event) {
        event.uxb().set(new AtomicInteger());
        return ExitResult.CONTINUE;
    }

    @Override
    public ExitResult login(ExitEvent event) {
        AtomicInteger sessions = (AtomicInteger) event.uxb().get();
        return sessions != null && sessions.get() >= limit ? ExitResult.FAIL : ExitResult.CONTINUE;
    }

    @Override
    public void afterLogin(ExitEvent event) {
        AtomicInteger sessions = (AtomicInteger) event.uxb().get();
        if (sessions != null && event.succeeded()) {
            sessions.incrementAndGet();
        }
    }

    @Override
    public void logout(ExitEvent event) {
        AtomicInteger sessions = (AtomicInteger) event.uxb().get();
        if (sessions != null) {
            sessions.decrementAndGet();
        }
    }
}
