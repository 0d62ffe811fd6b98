package dev.passgate.session;

import static dev.passgate.session.SessionKeys.CHANNEL_KEY;
import static dev.passgate.session.SessionKeys.SESSION_KEY;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.partner.ConnectionRegistry;
import io.netty.channel.Channel;
import org.apache.camel.Exchange;

/**
 * Connect step: the session becomes one of the node's live sessions on its connection (the
 * operator sees it, cancels reach it) and the connection is marked as the user's session for
 * NETSTAT. Lines for it wait until its connect reply is out.
 */
public class RegisterSessionProcessor implements Step {

    private final SessionRegistry sessions;
    private final ConnectionRegistry connections;

    public RegisterSessionProcessor(SessionRegistry sessions, ConnectionRegistry connections) {
        this.sessions = sessions;
        this.connections = connections;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(SESSION_KEY, CHANNEL_KEY);
    }

    @Override
    public void process(Exchange exchange) {
        Session session = SESSION_KEY.get(exchange);
        Channel channel = CHANNEL_KEY.get(exchange);
        sessions.add(session, channel);
        connections.identify(channel, "session", session.environment());
    }
}
