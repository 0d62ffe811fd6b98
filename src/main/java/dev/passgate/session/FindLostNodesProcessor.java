package dev.passgate.session;

import static dev.passgate.session.SessionKeys.LOST_NODES_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.partner.ClusterMembership;
import org.apache.camel.Exchange;

/**
 * Reaper step: the other nodes silent past {@code passgate.cluster.node-lost-after}, by the
 * database's clock (none, most of the time).
 */
public class FindLostNodesProcessor implements Step {

    private final ClusterMembership membership;

    public FindLostNodesProcessor(ClusterMembership membership) {
        this.membership = membership;
    }

    @Override
    public StepContract contract() {
        return StepContract.writes(LOST_NODES_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        LOST_NODES_KEY.set(exchange, new LostNodes(membership.lostNodes()));
    }
}
