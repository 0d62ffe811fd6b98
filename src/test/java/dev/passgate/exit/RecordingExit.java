package dev.passgate.exit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Java exit for tests: records every event with the blocks it was handed, refuses the
 * user REFUSED at login, throws for THROWER, hangs for SLOWPOKE, and fails init when the
 * system property recording.exit.fail-init is set.
 */
public class RecordingExit extends LoginExitAdapter {

    public static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @Override
    public Object init() {
        if (Boolean.getBoolean("recording.exit.fail-init")) {
            throw new IllegalStateException("init refuses");
        }
        EVENTS.add("init");
        return "GXB-1";
    }

    @Override
    public ExitResult newSession(ExitEvent e) {
        e.uxb("UXB-" + e.user());
        EVENTS.add("new-session " + e.user() + " gxb=" + e.gxb());
        return ExitResult.CONTINUE;
    }

    @Override
    public ExitResult login(ExitEvent e) throws Exception {
        EVENTS.add("login " + e.user() + " gxb=" + e.gxb() + " uxb=" + e.uxb());
        if ("THROWER".equals(e.user())) {
            throw new IllegalStateException("exit bug");
        }
        if ("SLOWPOKE".equals(e.user())) {
            Thread.sleep(10_000);
        }
        return "REFUSED".equals(e.user()) ? ExitResult.FAIL : ExitResult.CONTINUE;
    }

    @Override
    public void logout(ExitEvent e) {
        EVENTS.add("logout " + e.user() + " " + e.reason() + " uxb=" + e.uxb());
    }

    @Override
    public ExitResult file(ExitEvent e) {
        EVENTS.add("file " + e.user() + " " + e.access() + " " + e.path() + " uxb=" + e.uxb());
        return e.path().contains("forbidden") ? ExitResult.FAIL : ExitResult.CONTINUE;
    }

    @Override
    public void termination(Object gxb) {
        EVENTS.add("termination gxb=" + gxb);
    }
}
