package dev.passgate.session;

import dev.passgate.server.ClientAddress;
import dev.passgate.server.Handshake;
import io.netty.channel.Channel;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * The handoff listener's first-line check, delegated to the {@code session-connect} route.
 * Each listener gets its own ({@link #on}), so the route redeems client IDs only on the
 * handoff that listener was bound for. The route gets the client's {@link ClientAddress} as the
 * listener noted it at the accept.
 */
public final class ConnectHandshake {

    public static final String ENDPOINT = "direct:session-connect";
    /** Exchange property for the connect route: the {@link ClientIdRegistry.Handoff} the connection came in on. */
    public static final String HANDOFF = "PassGateHandoff";

    private final ProducerTemplate template;
    private final SessionRegistry sessions;

    public ConnectHandshake(ProducerTemplate template, SessionRegistry sessions) {
        this.template = template;
        this.sessions = sessions;
    }

    /** The handshake for the listener of one handoff. */
    public Handshake on(ClientIdRegistry.Handoff handoff) {
        return (firstLine, channel) -> check(firstLine, channel, handoff);
    }

    private Handshake.Result check(String firstLine, Channel channel, ClientIdRegistry.Handoff handoff) {
        Exchange done = template.request(ENDPOINT, e -> {
            e.getMessage().setBody(firstLine);
            ClientAddress.of(channel).ifPresent(a -> e.setProperty(ClientAddress.PROPERTY, a));
            e.setProperty(SessionKeys.CHANNEL, channel);
            e.setProperty(HANDOFF, handoff);
        });
        String reply = done.getMessage().getBody(String.class);
        if (Boolean.TRUE.equals(done.getProperty(SessionKeys.ACCEPTED, Boolean.class))) {
            // Lines for the session asked for meanwhile (an operator's SEND) wait until this reply is out.
            Session session = done.getProperty(SessionKeys.SESSION, Session.class);
            return Handshake.Result.accept(reply, () -> sessions.connectReplySent(session));
        }
        // Refused after its client ID was redeemed (a later step said no): the ID is spent,
        // so nobody can connect here any more and the handoff gives everything back now.
        return done.getProperty(SessionKeys.PENDING) != null ? Handshake.Result.refuseAndEnd(reply)
                : Handshake.Result.refuse(reply);
    }
}
