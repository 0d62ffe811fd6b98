package dev.passgate.session;

import dev.passgate.exit.LoginExits;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Sessions around a node's life. At start (routes and exits running) it logs out what a crashed
 * previous life left behind, sessions and logons whose client had not reconnected yet alike:
 * logout exits run, audited as ended by restart. At stop, while the
 * routes still run, it logs out every live session once (logout exits run, audited shutdown);
 * the exits' termination comes after it.
 */
final class SessionLifecycle extends EventNotifierSupport {

    private final SessionStore store;
    private final SessionRegistry sessions;
    private final LoginExits exits;
    private final ProducerTemplate template;

    SessionLifecycle(SessionStore store, SessionRegistry sessions, LoginExits exits, ProducerTemplate template) {
        this.store = store;
        this.sessions = sessions;
        this.exits = exits;
        this.template = template;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event.getType() == CamelEvent.Type.CamelContextStarted) {
            recover();
        } else if (event.getType() == CamelEvent.Type.CamelContextStopping) {
            sessions.all().forEach(s -> SessionHandler.logout(template, s, SessionEndReason.SHUTDOWN));
        }
    }

    private void recover() {
        for (SessionStore.Row row : store.leftBehind()) {
            // The row decides who ends it: the survivors may be logging out this node's sessions
            // right now, if they thought it lost; whoever removes the row audits it and runs the exit.
            if (store.ended(row.id(), row.user(), row.address(), SessionEndReason.RESTART,
                    row.what() + " ended by restart")) {
                exits.sessionEnded(row.user(), row.address(), SessionEndReason.RESTART.exitReason());
            }
        }
    }
}
