package dev.passgate.pool;

/** Every pool is full and no new one may start ({@code passgate.pools.max}). */
public class PoolsExhaustedException extends RuntimeException {

    public PoolsExhaustedException(int pools, int maxClients) {
        super("all " + pools + " thread pools are full (" + maxClients + " clients each)");
    }
}
