package dev.passgate.session;

import static dev.passgate.session.SessionKeys.LOST_NODES_KEY;

import dev.passgate.exit.LoginExits;
import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reaper step: logs out every session a lost node held, as its node would have: the LOGOUT audit
 * record (reason {@code NODE_LOST}) and the row's removal commit together, then the logout exit
 * runs. The row decides who ends a session (this run, another reaper, or the node itself coming
 * back), so each is audited and its exit run once; a reaper killed between the commit and the
 * exit leaves that one exit unrun rather than run twice.
 */
public class LogOutLostSessionsProcessor implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(LogOutLostSessionsProcessor.class);

    private final SessionStore store;
    private final LoginExits exits;

    public LogOutLostSessionsProcessor(SessionStore store, LoginExits exits) {
        this.store = store;
        this.exits = exits;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(LOST_NODES_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        for (String node : LOST_NODES_KEY.get(exchange).names()) {
            var rows = store.of(node);
            if (rows.isEmpty()) {
                continue;
            }
            LOG.warn("Node {} is lost: logging out the {} sessions it held", node, rows.size());
            int ended = 0;
            for (SessionStore.Row row : rows) {
                if (store.ended(row.id(), row.user(), row.address(), SessionEndReason.NODE_LOST,
                        row.what() + " of node " + node + " ended: node lost")) {
                    exits.sessionEnded(row.user(), row.address(), SessionEndReason.NODE_LOST.exitReason());
                    ended++;
                }
            }
            LOG.info("Node {}: {} sessions logged out here ({} by someone else)", node, ended, rows.size() - ended);
        }
    }
}
