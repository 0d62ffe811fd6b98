package dev.passgate.pool;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One thread pool: up to {@code maxClients} sessions share up to {@code maxThreads}
 * threads. On z/OS a pool is a process; here it is an executor, so pools are cheap and
 * a session costs no thread of its own while it is idle.
 */
public final class ThreadPool {

    private final int id;
    private final int maxClients;
    private final ThreadPoolExecutor executor;
    private int clients;
    private long idleSince;

    ThreadPool(int id, int maxClients, int maxThreads, long now) {
        this.id = id;
        this.maxClients = maxClients;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "passgate-pool-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // Threads come and go with the work; a quiet pool holds none.
        this.executor = new ThreadPoolExecutor(maxThreads, maxThreads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads);
        this.executor.allowCoreThreadTimeOut(true);
        this.idleSince = now;
    }

    public int id() {
        return id;
    }

    /** The executor session work runs on. */
    public ExecutorService executor() {
        return executor;
    }

    public synchronized int clients() {
        return clients;
    }

    public int maxClients() {
        return maxClients;
    }

    /** Threads running work right now. */
    public int activeThreads() {
        return executor.getActiveCount();
    }

    public int threads() {
        return executor.getPoolSize();
    }

    synchronized boolean tryReserve() {
        if (clients >= maxClients || executor.isShutdown()) {
            return false;
        }
        clients++;
        return true;
    }

    synchronized void release(long now) {
        if (--clients == 0) {
            idleSince = now;
        }
    }

    synchronized boolean idleSince(long cutoff) {
        return clients == 0 && idleSince <= cutoff;
    }

    void stop() {
        executor.shutdown();
    }

    boolean stopped() {
        return executor.isShutdown();
    }
}
