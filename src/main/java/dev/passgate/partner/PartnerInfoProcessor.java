package dev.passgate.partner;

import dev.passgate.security.SecurityEnvironment;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.netty.NettyConstants;

/**
 * Get partner info in a route, after a netty consumer: who is at the other end of the
 * connection the message came in on. Bound as {@code partnerInfo}.
 *
 * <p>In: header {@value #REQUEST} (ROUTING, USER_ID, UTOKEN or BOTH; default BOTH), header
 * {@value #TIMEOUT} (seconds, 0-60; default 5), exchange property {@value #CALLER} (the
 * {@link SecurityEnvironment} asking; default the node's service user). Out: headers
 * {@value #OUTCOME}, {@value #ERRNO}, {@value #ROUTING} (comma-separated), {@value #NODE},
 * {@value #USER}, {@value #UTOKEN}, {@value #TASK_USER}, {@value #TASK_UTOKEN}, and the whole
 * {@link PartnerInfo} as exchange property {@value #INFO}. The route decides what to do with
 * an outcome other than OK.
 */
public final class PartnerInfoProcessor implements Processor {

    public static final String REQUEST = "PassGatePartnerRequest";
    public static final String TIMEOUT = "PassGatePartnerTimeout";
    public static final String CALLER = "PassGatePartnerCaller";
    public static final String OUTCOME = "PassGatePartnerOutcome";
    public static final String ERRNO = "PassGatePartnerErrno";
    public static final String ROUTING = "PassGatePartnerRouting";
    public static final String NODE = "PassGatePartnerNode";
    public static final String USER = "PassGatePartnerUser";
    public static final String UTOKEN = "PassGatePartnerUToken";
    public static final String TASK_USER = "PassGatePartnerTaskUser";
    public static final String TASK_UTOKEN = "PassGatePartnerTaskUToken";
    public static final String INFO = "PassGatePartnerInfo";
    private static final int DEFAULT_TIMEOUT = 5;

    private final PartnerInfoService partners;
    private final Supplier<SecurityEnvironment> nodeIdentity;

    public PartnerInfoProcessor(PartnerInfoService partners, Supplier<SecurityEnvironment> nodeIdentity) {
        this.partners = partners;
        this.nodeIdentity = nodeIdentity;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        PartnerRequest type = request(in.getHeader(REQUEST, "BOTH", String.class));
        Duration timeout = Duration.ofSeconds(in.getHeader(TIMEOUT, DEFAULT_TIMEOUT, Integer.class));
        SecurityEnvironment caller = exchange.getProperty(CALLER, SecurityEnvironment.class);
        PartnerInfo info = partners.get(connection(in), type, timeout, caller != null ? caller : nodeIdentity.get());
        exchange.setProperty(INFO, info);
        in.setHeader(OUTCOME, info.outcome().name());
        in.setHeader(ERRNO, info.outcome().errno());
        in.setHeader(ROUTING, info.routing().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        in.setHeader(NODE, info.node());
        in.setHeader(USER, info.addressSpaceUser());
        in.setHeader(UTOKEN, info.addressSpaceUToken());
        in.setHeader(TASK_USER, info.taskUser());
        in.setHeader(TASK_UTOKEN, info.taskUToken());
    }

    private static PartnerRequest request(String value) {
        try {
            return PartnerRequest.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(REQUEST + " is ROUTING, USER_ID, UTOKEN or BOTH, not " + value);
        }
    }

    /** The connection the message came in on; an integrator's own netty consumer's connections join the registry here. */
    private PartnerConnection connection(Message in) {
        ChannelHandlerContext ctx = in.getHeader(NettyConstants.NETTY_CHANNEL_HANDLER_CONTEXT, ChannelHandlerContext.class);
        if (ctx == null) {
            throw new IllegalStateException("partnerInfo needs a message from a netty consumer (no "
                    + NettyConstants.NETTY_CHANNEL_HANDLER_CONTEXT + " header)");
        }
        Channel channel = ctx.channel();
        return partners.connection(channel).orElseGet(() -> channel.isActive()
                ? partners.accepted(channel, "route", null, false) : null);
    }
}
