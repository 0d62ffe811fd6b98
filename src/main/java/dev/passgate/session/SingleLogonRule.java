package dev.passgate.session;

import dev.passgate.store.ClusterMessages;
import java.util.List;
import org.apache.camel.ProducerTemplate;

/**
 * Single logon across every node of the store: of a user's recorded sessions, the newest (the
 * last the store recorded, by its own sequence rather than any node's clock) stays and every other ends ({@code {"event":"replaced"}}), on this node directly
 * and on another through a message to it. Each new session applies the rule once its own row is
 * committed, so of sessions starting at the same moment on different nodes the last to look sees
 * them all, and exactly one survives whatever the order.
 */
public final class SingleLogonRule {

    /** The message kind a node sends the holder of a session that must give way. */
    public enum Message {
        REPLACE_SESSION
    }

    private final SessionStore store;
    private final ClusterMessages messages;
    private final String node;
    private final SessionRegistry sessions;
    private final ProducerTemplate template;

    public SingleLogonRule(SessionStore store, ClusterMessages messages, String node, SessionRegistry sessions,
            ProducerTemplate template) {
        this.store = store;
        this.messages = messages;
        this.node = node;
        this.sessions = sessions;
        this.template = template;
        messages.on(Message.REPLACE_SESSION.name(), m -> sessions.find(m.payload()).ifPresent(this::replace));
    }

    /** Ends every session of the user but the newest; the given one's row was submitted on this thread. */
    public void apply(Session current) {
        store.sync(); // its own row committed first: of two nodes connecting at once, the later to look sees both
        List<SessionStore.Recorded> recorded = store.ofUser(current.user()); // oldest first: the last one stays
        for (SessionStore.Recorded r : recorded.subList(0, Math.max(0, recorded.size() - 1))) {
            if (r.node().equals(node)) {
                sessions.find(r.id()).ifPresent(this::replace);
            } else {
                messages.send(r.node(), Message.REPLACE_SESSION.name(), r.id());
            }
        }
    }

    /** On the session's own thread, behind its requests. */
    private void replace(Session older) {
        older.executor().execute(() -> SessionHandler.logout(template, older, SessionEndReason.REPLACED));
    }
}
