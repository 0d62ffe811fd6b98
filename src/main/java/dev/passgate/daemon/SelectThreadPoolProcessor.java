package dev.passgate.daemon;

import dev.passgate.pool.PoolsExhaustedException;
import dev.passgate.pool.ThreadPoolSelector;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Step: a place in the first pool with room, or a new pool, or POOLS_EXHAUSTED. */
public class SelectThreadPoolProcessor implements Processor {

    private final ThreadPoolSelector pools;

    public SelectThreadPoolProcessor(ThreadPoolSelector pools) {
        this.pools = pools;
    }

    @Override
    public void process(Exchange exchange) {
        try {
            LogonState.of(exchange).lease = pools.reserve();
        } catch (PoolsExhaustedException e) {
            throw new ProtocolException(ErrorCode.POOLS_EXHAUSTED);
        }
    }
}
