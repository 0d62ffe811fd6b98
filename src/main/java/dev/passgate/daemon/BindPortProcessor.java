package dev.passgate.daemon;

import dev.passgate.server.HandoffListener;
import dev.passgate.server.Handshake;
import dev.passgate.server.PortAllocator;
import dev.passgate.server.TlsSettings;
import java.util.Optional;
import java.util.concurrent.Executor;
import dev.passgate.session.ClientIdRegistry;
import dev.passgate.session.PendingSession;
import io.netty.channel.EventLoopGroup;
import java.net.InetAddress;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Step: bind the client's server port (client's port, range, or 0), park the logon under
 * a new single-use client ID, and arrange that a handoff that times out gives everything back.
 */
public class BindPortProcessor implements Processor {

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final InetAddress bindAddress;
    private final PortAllocator allocator;
    private final Duration handoffTimeout;
    private final int maxLineBytes;
    private final Handshake handshake;
    private final ClientIdRegistry<PendingSession> clientIds;
    private final Optional<TlsSettings> tls;
    private final Executor handshakes;

    public BindPortProcessor(EventLoopGroup boss, EventLoopGroup workers, InetAddress bindAddress, PortAllocator allocator,
            Duration handoffTimeout, int maxLineBytes, Handshake handshake, ClientIdRegistry<PendingSession> clientIds,
            Optional<TlsSettings> tls, Executor handshakes) {
        this.tls = tls;
        this.handshakes = handshakes;
        this.boss = boss;
        this.workers = workers;
        this.bindAddress = bindAddress;
        this.allocator = allocator;
        this.handoffTimeout = handoffTimeout;
        this.maxLineBytes = maxLineBytes;
        this.handshake = handshake;
        this.clientIds = clientIds;
    }

    @Override
    public void process(Exchange exchange) {
        LogonState state = LogonState.of(exchange);
        int requested = state.request.integer("port").orElse(0);
        state.listener = HandoffListener.open(boss, workers, bindAddress, allocator, requested, handoffTimeout,
                maxLineBytes, handshake, tls, handshakes);
        PendingSession pending = new PendingSession(state.sessionEnvironment, state.lease, state.address,
                state.listener.port());
        state.clientId = clientIds.issue(pending, state.address, handoffTimeout.toMillis());
        state.listener.connected().whenComplete((channel, failure) -> {
            if (failure != null && clientIds.withdraw(pending)) {
                pending.lease().close(); // nobody came: give the pool place back
            }
        });
    }
}
