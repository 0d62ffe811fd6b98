package dev.passgate.session;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

/**
 * Connect step: with {@code passgate.session.single-logon=true} a new session ends the
 * user's older ones ({@code {"event":"replaced"}}), so a crashed client holds nothing.
 */
public class SingleLogonProcessor implements Processor {

    private final boolean enabled;
    private final SessionRegistry sessions;
    private final ProducerTemplate template;

    public SingleLogonProcessor(boolean enabled, SessionRegistry sessions, ProducerTemplate template) {
        this.enabled = enabled;
        this.sessions = sessions;
        this.template = template;
    }

    @Override
    public void process(Exchange exchange) {
        if (!enabled) {
            return;
        }
        Session current = exchange.getProperty(SessionKeys.SESSION, Session.class);
        for (Session older : sessions.ofUser(current.user())) {
            if (older != current) {
                older.executor().execute(() -> SessionHandler.logout(template, older, "replaced"));
            }
        }
    }
}
