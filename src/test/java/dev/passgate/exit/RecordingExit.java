package dev.passgate.exit;

import dev.passgate.testkit.RunningPassGate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;

/**
 * A Java exit for tests: records every event with the blocks it was handed, refuses the
 * user REFUSED at login, throws for THROWER, hangs for SLOWPOKE. Each PassGate makes its own
 * instance from passgate.exit.class, so each keeps its own events: tests running side by side,
 * or two nodes in one JVM, never see each other's.
 */
public class RecordingExit extends LoginExitAdapter {

    private final List<String> events = new CopyOnWriteArrayList<>();

    /** The instance a running PassGate calls (it is named in that PassGate's passgate.exit.class). */
    public static RecordingExit of(RunningPassGate pg) {
        return of(pg.context);
    }

    public static RecordingExit of(CamelContext context) {
        return context.getRegistry().lookupByNameAndType(LoginExits.JAVA_EXIT, JavaExitProcessor.class).exit()
                .map(RecordingExit.class::cast)
                .orElseThrow(() -> new IllegalStateException("passgate.exit.class names no exit"));
    }

    /** The events so far, in order; the list goes on filling while the PassGate runs. */
    public List<String> events() {
        return events;
    }

    @Override
    public Object init(ExitContext context) {
        events.add("init");
        return "GXB-1";
    }

    @Override
    public ExitResult newSession(ExitEvent e) {
        e.uxb().set("UXB-" + e.user());
        events.add("new-session " + e.user() + " gxb=" + e.gxb());
        return ExitResult.CONTINUE;
    }

    @Override
    public ExitResult login(ExitEvent e) throws Exception {
        events.add("login " + e.user() + " gxb=" + e.gxb() + " uxb=" + e.uxb());
        if ("THROWER".equals(e.user())) {
            throw new IllegalStateException("exit bug");
        }
        if ("SLOWPOKE".equals(e.user())) {
            Thread.sleep(10_000);
        }
        return "REFUSED".equals(e.user()) ? ExitResult.FAIL : ExitResult.CONTINUE;
    }

    @Override
    public void afterLogin(ExitEvent e) {
        events.add("after-login " + e.user() + " " + (e.succeeded() ? "OK" : e.failure()) + " uxb=" + e.uxb());
    }

    @Override
    public void logout(ExitEvent e) {
        events.add("logout " + e.user() + " " + e.reason() + " uxb=" + e.uxb());
    }

    @Override
    public ExitResult file(ExitEvent e) {
        events.add("file " + e.user() + " " + e.access() + " " + e.path() + " uxb=" + e.uxb());
        return e.path().contains("forbidden") ? ExitResult.FAIL : ExitResult.CONTINUE;
    }

    @Override
    public void termination(ExitEvent e) {
        events.add("termination gxb=" + e.gxb());
    }

    /** The same exit whose init fails, which disables every exit of its PassGate. */
    public static class FailingInit extends RecordingExit {
        @Override
        public Object init(ExitContext context) {
            throw new IllegalStateException("init refuses");
        }
    }
}
