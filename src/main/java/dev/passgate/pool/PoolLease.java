package dev.passgate.pool;

import java.util.concurrent.atomic.AtomicBoolean;

/** A session's place in a pool, held from logon to logout. Releasing twice is harmless. */
public final class PoolLease implements AutoCloseable {

    private final ThreadPool pool;
    private final ThreadPoolSelector selector;
    private final AtomicBoolean released = new AtomicBoolean();

    PoolLease(ThreadPool pool, ThreadPoolSelector selector) {
        this.pool = pool;
        this.selector = selector;
    }

    public ThreadPool pool() {
        return pool;
    }

    /** A per-session executor that runs tasks one at a time, in order, on the pool's threads. */
    public SerialExecutor serialExecutor() {
        return new SerialExecutor(pool.executor());
    }

    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            selector.release(pool);
        }
    }
}
