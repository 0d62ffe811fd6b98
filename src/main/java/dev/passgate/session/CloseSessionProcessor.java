package dev.passgate.session;

import static dev.passgate.session.SessionKeys.LAST_LINE_KEY;
import static dev.passgate.session.SessionKeys.REASON_KEY;
import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.JsonLines;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Logout step, last: the client gets its last line, then the socket closes, in the session's
 * order (after the replies already queued). The last line is the event of an end the client did
 * not ask for ({@code {"event":"timeout"}}), else the line the caller left (the logout reply), else none.
 */
public class CloseSessionProcessor implements Step {

    private final SessionRegistry sessions;
    private final JsonLines lines;

    public CloseSessionProcessor(SessionRegistry sessions, JsonLines lines) {
        this.sessions = sessions;
        this.lines = lines;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(SESSION_KEY, REASON_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        String lastLine = REASON_KEY.get(exchange).clientEvent().map(event -> lines.event(event, Map.of()))
                .orElseGet(() -> LAST_LINE_KEY.find(exchange).orElse(null));
        sessions.close(SESSION_KEY.get(exchange), lastLine);
    }
}
