package dev.passgate.pool;

import dev.passgate.settings.PassGateSettings;
import java.time.Duration;

/** The thread pools' sizes ({@code passgate.pools.*}). */
public record PoolSettings(int maxClients, int maxThreads, int maxPools, int minPools, Duration idleStop) {

    /** Sessions per pool. */
    public static final String MAX_CLIENTS = "passgate.pools.max-clients";
    /** Threads per pool; busy sessions beyond it wait their turn. */
    public static final String MAX_THREADS = "passgate.pools.max-threads";
    /** Pools at most, then POOLS_EXHAUSTED. */
    public static final String MAX = "passgate.pools.max";
    /** Pools kept running when idle. */
    public static final String MIN = "passgate.pools.min";
    /** Seconds an empty pool above the minimum lives. */
    public static final String IDLE_STOP = "passgate.pools.idle-stop";

    public static PoolSettings from(PassGateSettings s) {
        return new PoolSettings(s.integer(MAX_CLIENTS), s.integer(MAX_THREADS), s.integer(MAX), s.integer(MIN),
                s.seconds(IDLE_STOP));
    }

    public ThreadPoolSelector.Limits limits() {
        return new ThreadPoolSelector.Limits(maxClients, maxThreads, maxPools, minPools, idleStop);
    }
}
