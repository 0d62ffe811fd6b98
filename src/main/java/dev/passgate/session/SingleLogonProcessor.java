package dev.passgate.session;

import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Connect step, where {@code passgate.session.single-logon=true} (the route's filter): the new
 * session ends the user's older ones ({@code {"event":"replaced"}}), so a crashed client holds
 * nothing. Each older one ends on its own session thread, behind its requests.
 */
public class SingleLogonProcessor implements Step {

    private final SessionRegistry sessions;
    private final ProducerTemplate template;

    public SingleLogonProcessor(SessionRegistry sessions, ProducerTemplate template) {
        this.sessions = sessions;
        this.template = template;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(SESSION_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        Session current = SESSION_KEY.get(exchange);
        for (Session older : sessions.ofUser(current.user())) {
            if (older != current) {
                older.executor().execute(() -> SessionHandler.logout(template, older, SessionEndReason.REPLACED));
            }
        }
    }
}
