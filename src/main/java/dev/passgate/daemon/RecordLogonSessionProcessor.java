package dev.passgate.daemon;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.session.PendingSession;
import dev.passgate.session.SessionStore;
import java.time.Clock;
import org.apache.camel.Exchange;

/**
 * Step: the session's row, before the reply, as a logon whose client has not reconnected
 * yet. It rides in the commit the reply waits for anyway (the logon's audit record), so a crash
 * from here on leaves a row the next start logs out, and the reconnect's reply need not wait for
 * a commit of its own. When the handoff ends without a session (nobody came, refused,
 * abandoned, the daemon stopping) the row goes again.
 */
public class RecordLogonSessionProcessor implements Step {

    private final SessionStore store;
    private final Clock clock;

    public RecordLogonSessionProcessor(SessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(LogonKeys.HANDOFF);
    }

    @Override
    public void process(Exchange exchange) {
        PortHandoff handoff = LogonKeys.HANDOFF.get(exchange);
        PendingSession session = handoff.session();
        store.addLogon(session, clock.millis());
        handoff.listener().connected().whenComplete((client, failure) -> {
            if (failure != null) {
                store.logonEnded(session);
            }
        });
    }
}
