package dev.passgate.partner;

import java.time.Duration;
import java.util.List;

/**
 * Which nodes of the cluster are lost, judged by the database's clock against the node-lost
 * setting, and forgetting them once their sessions are logged out: what the {@code lost-node-reaper}
 * route's steps use. Also where a node hears that the others took it for lost.
 */
public final class ClusterMembership {

    private final ClusterStore store;
    private final PartnerSetup setup;
    private final String node;
    private final Duration lostAfter;

    ClusterMembership(ClusterStore store, PartnerSetup setup, String node, Duration lostAfter) {
        this.store = store;
        this.setup = setup;
        this.node = node;
        this.lostAfter = lostAfter;
    }

    /** The other nodes silent for longer than the node-lost setting, oldest silence first. */
    public List<String> lostNodes() {
        return store.lostNodes(node, lostAfter.toMillis());
    }

    /** Forgets a lost node (its row and its connections' rows), unless it has beaten again meanwhile. */
    public boolean forget(String lostNode) {
        return store.forget(lostNode, lostAfter.toMillis());
    }

    /** See {@link PartnerSetup#onDeclaredLost}. */
    public void onDeclaredLost(Runnable whenDeclaredLost) {
        setup.onDeclaredLost(whenDeclaredLost);
    }
}
