package dev.passgate.session;

import dev.passgate.exit.LoginExits;
import dev.passgate.protocol.JsonLines;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logout step. In this order: the session is released (pool place back; only the first of
 * several concurrent ends goes on), the logout exit runs (releasing the user exit block with
 * the combination's last session), the LOGOUT record and the removal of the session's row
 * commit together, and only then is the client told (its event line, or the logout reply)
 * and the socket closed. A crash before the commit leaves the row, and the next start logs
 * the session out again; after it, nothing is left to redo.
 */
public class EndSessionProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(EndSessionProcessor.class);
    private static final Map<String, String> EVENTS = Map.of("timeout", "timeout", "cancelled", "cancelled",
            "replaced", "replaced");

    private final SessionRegistry sessions;
    private final JsonLines lines;
    private final LoginExits exits;
    private final IdleTimeouts timeouts;
    private final SessionStore store;

    public EndSessionProcessor(SessionRegistry sessions, JsonLines lines, LoginExits exits, IdleTimeouts timeouts,
            SessionStore store) {
        this.sessions = sessions;
        this.lines = lines;
        this.exits = exits;
        this.timeouts = timeouts;
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) {
        Session s = exchange.getProperty(SessionKeys.SESSION, Session.class);
        String reason = exchange.getProperty(SessionKeys.REASON, "logout", String.class);
        if (!sessions.release(s)) {
            return;
        }
        String event = EVENTS.get(reason);
        String lastLine = event != null ? lines.event(event, Map.of())
                : exchange.getProperty(SessionKeys.LAST_LINE, String.class);
        try {
            LOG.info("Session {} of {} ended: {}", s.id(), s.user(), reason);
            if (!"timeout".equals(reason)) {
                timeouts.stop(s.id()); // a timer that fired completes by itself
            }
            exits.sessionEnded(s.user(), s.address(), reason);
            store.ended(s.id(), s.user(), s.address(), reason, "session " + s.id());
        } finally {
            sessions.close(s, lastLine);
        }
    }
}
