import dev.passgate.exit.ExitEvent;
import dev.passgate.exit.ExitResult;
import dev.passgate.exit.LoginExitAdapter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Example Java login exit: allows at most N sessions per user ID and client address.
 * The count lives in the user exit block (UXB), which PassGate keeps from the
 * combination's first session to its last logout.
 *
 * Build it against target/passgate.jar, put the class on the class path and set
 *   passgate.exit.class=SessionLimitExit
 *   SESSION_LIMIT=2   (environment; default 3)
 */
public class SessionLimitExit extends LoginExitAdapter {

    private final int limit = Integer.parseInt(System.getenv().getOrDefault("SESSION_LIMIT",
            System.getProperty("session.limit", "3")));

    @Override
    public ExitResult newSession(ExitEvent event) {
        event.uxb(new AtomicInteger());
        return ExitResult.CONTINUE;
    }

    @Override
    public ExitResult login(ExitEvent event) {
        AtomicInteger sessions = (AtomicInteger) event.uxb();
        if (sessions != null && sessions.incrementAndGet() > limit) {
            sessions.decrementAndGet();
            return ExitResult.FAIL;
        }
        return ExitResult.CONTINUE;
    }

    @Override
    public void logout(ExitEvent event) {
        AtomicInteger sessions = (AtomicInteger) event.uxb();
        if (sessions != null) {
            sessions.decrementAndGet();
        }
    }
}
