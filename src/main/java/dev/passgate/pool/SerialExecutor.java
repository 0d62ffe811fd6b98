package dev.passgate.pool;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on a shared executor. Each session (and
 * each miner in it) gets one, so requests keep their order without any session holding a
 * thread of its own: an idle session costs a queue, not a thread.
 */
public final class SerialExecutor implements Executor {

    /** Tasks run in one go before the rest of the queue goes to the back of the shared executor. */
    static final int FAIR_SHARE = 32;

    private final Executor shared;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    public SerialExecutor(Executor shared) {
        this.shared = shared;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        shared.execute(this::drain);
    }

    private void drain() {
        for (int done = 0; ; done++) {
            if (done == FAIR_SHARE) {
                // Give the shared threads to other sessions too; we stay "running" and continue later.
                shared.execute(this::drain);
                return;
            }
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // One failing task must not stop the ones queued behind it; the task reports its own errors.
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
    }
}
