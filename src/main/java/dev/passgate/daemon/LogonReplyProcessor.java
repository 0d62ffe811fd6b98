package dev.passgate.daemon;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.protocol.JsonLines;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.component.netty.NettyConstants;

/** Step: the success reply ({@code port}, {@code clientId}, ...); then the daemon closes the connection. */
public class LogonReplyProcessor implements Step {

    private final JsonLines lines;
    private final Duration handoffTimeout;
    private final Optional<String> advertisedHost;

    private final Consumer<String> outcomes;
    private final Runnable durable;

    /**
     * @param outcomes told SUCCESS for every logon answered here (metrics)
     * @param durable waits until what the logon recorded (audit) is committed: the reply acknowledges it
     */
    public LogonReplyProcessor(JsonLines lines, Duration handoffTimeout, Optional<String> advertisedHost,
            Consumer<String> outcomes, Runnable durable) {
        this.outcomes = outcomes;
        this.durable = durable;
        this.lines = lines;
        this.handoffTimeout = handoffTimeout;
        this.advertisedHost = advertisedHost;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(LogonKeys.REQUEST, LogonKeys.SESSION_ENVIRONMENT, LogonKeys.LEASE, LogonKeys.HANDOFF)
                .andWrites(LogonKeys.HANDED_OVER);
    }

    @Override
    public void process(Exchange exchange) {
        PortHandoff handoff = LogonKeys.HANDOFF.get(exchange);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("user", LogonKeys.SESSION_ENVIRONMENT.get(exchange).user());
        reply.put("port", handoff.listener().port());
        reply.put("clientId", handoff.clientId());
        reply.put("pool", LogonKeys.LEASE.get(exchange).pool().id());
        reply.put("expiresIn", handoffTimeout.toSeconds());
        advertisedHost.ifPresent(h -> reply.put("host", h));
        durable.run();
        LogonKeys.HANDED_OVER.set(exchange, true);
        outcomes.accept("SUCCESS");
        exchange.getMessage().setBody(lines.ok(LogonKeys.REQUEST.get(exchange).request().id(), reply));
        exchange.getMessage().setHeader(NettyConstants.NETTY_CLOSE_CHANNEL_WHEN_COMPLETE, true);
    }
}
