package dev.passgate.admin;

import dev.passgate.daemon.PoolSnapshots;
import dev.passgate.store.ClusterMessages;
import dev.passgate.session.SessionStore;
import java.util.List;

/**
 * The operator's reach beyond this node: the sessions other nodes hold (their rows in the shared
 * store), the pools they run (the snapshots they publish there) and the messages that have a session's own node act on it (CANCEL, SEND). On one node
 * there are none of either, and the commands act locally only.
 */
public final class ClusterOperator {

    /** What one node asks another to do; the message's kind is the name. */
    public enum Command {
        /** payload: the session ID */
        CANCEL_SESSION,
        /** payload: the user ID */
        CANCEL_USER,
        /** payload: the event line to send; to every session, or (SEND_USER) a user's: "USER\nline" */
        SEND_ALL,
        SEND_USER
    }

    private final SessionStore sessions;
    private final ClusterMessages messages;
    private final PoolSnapshots pools;
    private final String node;

    public ClusterOperator(SessionStore sessions, ClusterMessages messages, PoolSnapshots pools, String node) {
        this.sessions = sessions;
        this.messages = messages;
        this.pools = pools;
        this.node = node;
    }

    /** This node's name (passgate.system.name). */
    public String node() {
        return node;
    }

    /** The sessions every other node holds. */
    public List<SessionStore.Recorded> elsewhere() {
        return sessions.otherNodes();
    }

    /** The pools of every other live node, as each last published them. */
    public List<PoolSnapshots.Snapshot> poolsElsewhere() {
        return pools.otherLiveNodes();
    }

    /** Has the other node act; committed when this returns, acted on there within a second or so. */
    public void tell(String otherNode, Command command, String payload) {
        messages.send(otherNode, command.name(), payload);
    }
}
