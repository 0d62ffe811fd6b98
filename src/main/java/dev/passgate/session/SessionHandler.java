package dev.passgate.session;

import dev.passgate.protocol.JsonLines;
import dev.passgate.server.LineCodec;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Carries one session's lines between its socket and the {@code session-request} route.
 * Lines run on the session's serial executor (its pool's threads), one at a time, in order;
 * the socket's event loop never runs session work. Everything the client is sent goes out on that
 * executor too (replies here, events and the last line through {@link SessionRegistry}), so lines
 * keep their order and none races the session's end.
 */
public final class SessionHandler extends SimpleChannelInboundHandler<String> {

    public static final String REQUEST_ENDPOINT = "direct:session-request";
    public static final String LOGOUT_ENDPOINT = "direct:session-logout";

    private final Session session;
    private final ProducerTemplate template;
    private final JsonLines lines;
    private final Runnable durable;

    /** @param durable waits until what a request recorded (audit) is committed, before its reply acknowledges it */
    public SessionHandler(Session session, ProducerTemplate template, JsonLines lines, Runnable durable) {
        this.session = session;
        this.template = template;
        this.lines = lines;
        this.durable = durable;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
        session.executor().execute(() -> {
            if (session.ended()) {
                return;
            }
            Exchange done = template.request(REQUEST_ENDPOINT, e -> {
                e.getMessage().setBody(line);
                e.setProperty(SessionKeys.SESSION, session);
            });
            String reply = done.getMessage().getBody(String.class);
            SessionEndReason end = SessionKeys.END_KEY.find(done).orElse(null);
            if (end != null && !session.ended()) {
                // The logout reply is the session's last line: sent once the logout is committed.
                logout(template, session, end, reply);
            } else if (reply != null) {
                durable.run();
                ctx.writeAndFlush(reply);
            }
        });
    }

    /** A line over the limit is answered behind the replies still queued, then the socket closes (a disconnect). */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        LineCodec.writeRepliesOn(ctx.channel(), session.executor());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.executor().execute(() -> logout(SessionEndReason.DISCONNECTED));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        session.executor().execute(() -> logout(SessionEndReason.DISCONNECTED));
    }

    private void logout(SessionEndReason reason) {
        if (!session.ended()) {
            logout(template, session, reason);
        }
    }

    /** Ends a session through the {@code session-logout} route (audit, logout exit, close). */
    public static void logout(ProducerTemplate template, Session session, SessionEndReason reason) {
        logout(template, session, reason, null);
    }

    /** As {@link #logout(ProducerTemplate, Session, SessionEndReason)}, sending the given line last. */
    public static void logout(ProducerTemplate template, Session session, SessionEndReason reason,
            String lastLine) {
        template.send(LOGOUT_ENDPOINT, e -> {
            SessionKeys.SESSION_KEY.set(e, session);
            SessionKeys.REASON_KEY.set(e, reason);
            if (lastLine != null) {
                e.setProperty(SessionKeys.LAST_LINE, lastLine);
            }
        });
    }
}
