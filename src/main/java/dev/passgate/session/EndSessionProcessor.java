package dev.passgate.session;

import dev.passgate.exit.LoginExits;
import dev.passgate.protocol.JsonLines;
import dev.passgate.security.AuditLog;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logout step: end the session (pool place back, socket closed), audit it and run the
 * logout exit, which releases the user exit block with the combination's last session.
 * A timeout, cancel or replacement tells the client first with its event line.
 */
public class EndSessionProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(EndSessionProcessor.class);
    private static final Map<String, String> EVENTS = Map.of("timeout", "timeout", "cancelled", "cancelled",
            "replaced", "replaced");

    private final SessionRegistry sessions;
    private final AuditLog audit;
    private final JsonLines lines;
    private final LoginExits exits;
    private final IdleTimeouts timeouts;
    private final SessionStore store;

    public EndSessionProcessor(SessionRegistry sessions, AuditLog audit, JsonLines lines, LoginExits exits,
            IdleTimeouts timeouts, SessionStore store) {
        this.sessions = sessions;
        this.audit = audit;
        this.lines = lines;
        this.exits = exits;
        this.timeouts = timeouts;
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) {
        Session s = exchange.getProperty(SessionKeys.SESSION, Session.class);
        String reason = exchange.getProperty(SessionKeys.REASON, "logout", String.class);
        String event = EVENTS.get(reason);
        if (sessions.end(s, event == null ? null : lines.event(event, Map.of()))) {
            LOG.info("Session {} of {} ended: {}", s.id(), s.user(), reason);
            audit.record("LOGOUT", s.user(), s.address(), reason.toUpperCase(java.util.Locale.ROOT), "session " + s.id());
            if (!"timeout".equals(reason)) {
                timeouts.stop(s.id()); // a timer that fired completes by itself
            }
            store.remove(s.id());
            exits.sessionEnded(s.user(), s.address(), reason);
        }
    }
}
