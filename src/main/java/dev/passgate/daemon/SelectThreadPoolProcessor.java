package dev.passgate.daemon;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.pool.PoolsExhaustedException;
import dev.passgate.pool.ThreadPoolSelector;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import org.apache.camel.Exchange;

/** Step: a place in the first pool with room, or a new pool, or POOLS_EXHAUSTED. */
public class SelectThreadPoolProcessor implements Step {

    private final ThreadPoolSelector pools;

    public SelectThreadPoolProcessor(ThreadPoolSelector pools) {
        this.pools = pools;
    }

    @Override
    public StepContract contract() {
        return StepContract.writes(LogonKeys.LEASE);
    }

    @Override
    public void process(Exchange exchange) {
        try {
            LogonKeys.LEASE.set(exchange, pools.reserve());
        } catch (PoolsExhaustedException e) {
            throw new ProtocolException(ErrorCode.POOLS_EXHAUSTED);
        }
    }
}
