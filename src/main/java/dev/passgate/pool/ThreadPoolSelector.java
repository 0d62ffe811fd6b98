package dev.passgate.pool;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses a thread pool for each new client, as the RSE daemon does: the first pool with
 * room, else a new pool when fewer than {@code maxPools} run, else
 * {@link PoolsExhaustedException}. Pools above {@code minPools} that have had no clients
 * for {@code idleStop} are stopped by {@link #stopIdlePools()}.
 */
public final class ThreadPoolSelector implements AutoCloseable {

    /** Pool limits; see {@code passgate.pools.*} in config/application.properties. */
    public record Limits(int maxClients, int maxThreads, int maxPools, int minPools, Duration idleStop) {
        public Limits {
            if (maxClients < 1 || maxThreads < 1 || maxPools < 1 || minPools < 0 || minPools > maxPools) {
                throw new IllegalArgumentException("pool limits need max-clients, max-threads and max >= 1 and"
                        + " 0 <= min <= max");
            }
        }
    }

    private final Limits limits;
    private final Clock clock;
    private final List<ThreadPool> pools = new ArrayList<>();
    private int nextId = 1;

    public ThreadPoolSelector(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        for (int i = 0; i < limits.minPools(); i++) {
            start();
        }
    }

    /** A place for one client. */
    public synchronized PoolLease reserve() {
        for (ThreadPool p : pools) {
            if (p.tryReserve()) {
                return new PoolLease(p, this);
            }
        }
        if (pools.size() >= limits.maxPools()) {
            throw new PoolsExhaustedException(pools.size(), limits.maxClients());
        }
        ThreadPool p = start();
        p.tryReserve();
        return new PoolLease(p, this);
    }

    synchronized void release(ThreadPool pool) {
        pool.release(clock.millis());
    }

    /** Stops pools above the minimum that have been empty for the idle time; returns how many stopped. */
    public synchronized int stopIdlePools() {
        long cutoff = clock.millis() - limits.idleStop().toMillis();
        int stopped = 0;
        for (int i = pools.size() - 1; i >= 0 && pools.size() > limits.minPools(); i--) {
            ThreadPool p = pools.get(i);
            if (p.idleSince(cutoff)) {
                p.stop();
                pools.remove(i);
                stopped++;
            }
        }
        return stopped;
    }

    /** The running pools, in selection order, for DISPLAY PROCESS. */
    public synchronized List<ThreadPool> pools() {
        return List.copyOf(pools);
    }

    private ThreadPool start() {
        // Ids are never reused while the node runs, so an operator's pool number stays meaningful.
        ThreadPool p = new ThreadPool(nextId++, limits.maxClients(), limits.maxThreads(), clock.millis());
        pools.add(p);
        return p;
    }

    @Override
    public synchronized void close() {
        pools.forEach(ThreadPool::stop);
        pools.clear();
    }
}
