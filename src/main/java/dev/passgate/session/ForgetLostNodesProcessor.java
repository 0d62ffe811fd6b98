package dev.passgate.session;

import static dev.passgate.session.SessionKeys.LOST_NODES_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.partner.ClusterMembership;
import dev.passgate.store.ClusterMessages;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reaper step, after the lost nodes' sessions are logged out: the cluster forgets each lost node
 * (its row, its connections' rows, the messages waiting for it), so it leaves DISPLAY and its name is
 * free. A node that has beaten again meanwhile is kept; coming back later, it finds itself forgotten,
 * closes what it still holds and joins again.
 */
public class ForgetLostNodesProcessor implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(ForgetLostNodesProcessor.class);

    private final ClusterMembership membership;
    private final ClusterMessages messages;

    public ForgetLostNodesProcessor(ClusterMembership membership, ClusterMessages messages) {
        this.membership = membership;
        this.messages = messages;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(LOST_NODES_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        for (String node : LOST_NODES_KEY.get(exchange).names()) {
            if (membership.forget(node)) {
                messages.discardFor(node);
                LOG.info("Node {} left the cluster's view: its name is free", node);
            }
        }
    }
}
