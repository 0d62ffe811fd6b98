package dev.passgate.admin.command;

import dev.passgate.admin.ClusterOperator.Command;
import dev.passgate.session.SessionStore.Recorded;
import dev.passgate.session.Session;
import dev.passgate.session.SessionEndReason;
import dev.passgate.session.SessionHandler;
import dev.passgate.store.ClusterMessages;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * CANCEL and SEND for sessions of any node: a node acts on its own sessions, and tells each
 * other node that holds some of the targets to act on its own. Acting twice on a repeated message
 * is harmless: a cancelled session is gone, a message is sent again.
 */
public final class ClusterCommands {

    private ClusterCommands() {
    }

    /** Acts on the messages other nodes send this one. */
    public static void listen(ClusterMessages messages, OperatorServices s) {
        messages.on(Command.CANCEL_SESSION.name(), m -> cancel(s.sessions().find(m.payload()).map(List::of).orElse(List.of()), s));
        messages.on(Command.CANCEL_USER.name(), m -> cancel(s.sessions().ofUser(m.payload()), s));
        messages.on(Command.SEND_ALL.name(), m -> send(List.copyOf(s.sessions().all()), m.payload(), s));
        messages.on(Command.SEND_USER.name(), m -> {
            int cut = m.payload().indexOf('\n');
            send(s.sessions().ofUser(m.payload().substring(0, cut)), m.payload().substring(cut + 1), s);
        });
    }

    /** Ends this node's sessions, each in its own order: a request running now is answered first. */
    static void cancel(List<Session> sessions, OperatorServices s) {
        for (Session session : sessions) {
            session.executor().execute(() -> SessionHandler.logout(s.template(), session, SessionEndReason.CANCELLED));
        }
    }

    /** Sends an event line to this node's sessions, behind the replies each still owes. */
    static void send(List<Session> sessions, String event, OperatorServices s) {
        for (Session session : sessions) {
            s.sessions().send(session, event);
        }
    }

    /**
     * Tells every other node holding sessions that match to run the command; how many sessions it
     * reaches there.
     */
    static int tellOthers(OperatorServices s, Predicate<Recorded> which, Command command, String payload) {
        Map<String, Integer> byNode = new TreeMap<>();
        for (Recorded r : s.cluster().elsewhere()) {
            if (which.test(r)) {
                byNode.merge(r.node(), 1, Integer::sum);
            }
        }
        byNode.keySet().forEach(node -> s.cluster().tell(node, command, payload));
        return byNode.values().stream().mapToInt(Integer::intValue).sum();
    }
}
