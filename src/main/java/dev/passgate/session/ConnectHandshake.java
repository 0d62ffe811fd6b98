package dev.passgate.session;

import dev.passgate.server.Handshake;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.netty.NettyConstants;

/** The handoff listener's first-line check, delegated to the {@code session-connect} route. */
public final class ConnectHandshake implements Handshake {

    public static final String ENDPOINT = "direct:session-connect";

    private final ProducerTemplate template;

    public ConnectHandshake(ProducerTemplate template) {
        this.template = template;
    }

    @Override
    public Result check(String firstLine, Channel channel) {
        Exchange done = template.request(ENDPOINT, e -> {
            e.getMessage().setBody(firstLine);
            e.getMessage().setHeader(NettyConstants.NETTY_REMOTE_ADDRESS, (InetSocketAddress) channel.remoteAddress());
            e.setProperty(SessionKeys.CHANNEL, channel);
        });
        String reply = done.getMessage().getBody(String.class);
        return Boolean.TRUE.equals(done.getProperty(SessionKeys.ACCEPTED, Boolean.class)) ? Result.accept(reply)
                : Result.refuse(reply);
    }
}
