package dev.passgate.daemon;

import dev.passgate.flow.Step;
import dev.passgate.flow.StepContract;
import dev.passgate.server.HandoffListener;
import dev.passgate.server.ProxyProtocol;
import dev.passgate.server.PendingHandoffs;
import dev.passgate.server.PortAllocator;
import dev.passgate.server.TlsSettings;
import dev.passgate.session.ClientIdRegistry;
import dev.passgate.session.ConnectHandshake;
import dev.passgate.session.PendingSession;
import io.netty.channel.EventLoopGroup;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.apache.camel.Exchange;

/**
 * Step: within the user's and the address's cap on pending handoffs, bind the client's
 * server port (client's port, range, or 0) and park the logon under a new single-use
 * client ID that only that port's listener redeems.
 *
 * <p>From the bind on, the handoff's end gives everything back, however it ends (the
 * client in, timeout, abandoned logon, a refusal that spends the ID, the daemon stopping):
 * the client ID, the cap's place, the port, and, unless a session took it over, the pool
 * place. A refusal before the bind leaves the pool place to the error step.
 */
public class BindPortProcessor implements Step {

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final InetAddress bindAddress;
    private final PortAllocator allocator;
    private final Duration handoffTimeout;
    private final int maxLineBytes;
    private final ConnectHandshake handshake;
    private final ClientIdRegistry<PendingSession> clientIds;
    private final Optional<TlsSettings> tls;
    private final Executor handshakes;
    private final PendingHandoffs pending;

    /** Behind a load balancer: the reconnect's PROXY header gives the client's address, as the logon's did. */
    private final Optional<ProxyProtocol> proxy;

    public BindPortProcessor(EventLoopGroup boss, EventLoopGroup workers, InetAddress bindAddress, PortAllocator allocator,
            Duration handoffTimeout, int maxLineBytes, ConnectHandshake handshake, ClientIdRegistry<PendingSession> clientIds,
            Optional<TlsSettings> tls, Executor handshakes, PendingHandoffs pending, Optional<ProxyProtocol> proxy) {
        this.tls = tls;
        this.proxy = proxy;
        this.handshakes = handshakes;
        this.boss = boss;
        this.workers = workers;
        this.bindAddress = bindAddress;
        this.allocator = allocator;
        this.handoffTimeout = handoffTimeout;
        this.maxLineBytes = maxLineBytes;
        this.handshake = handshake;
        this.clientIds = clientIds;
        this.pending = pending;
    }

    @Override
    public StepContract contract() {
        return StepContract.reads(LogonKeys.REQUEST, LogonKeys.SESSION_ENVIRONMENT, LogonKeys.LEASE)
                .andWrites(LogonKeys.HANDOFF);
    }

    @Override
    public void process(Exchange exchange) {
        LogonRequest logon = LogonKeys.REQUEST.get(exchange);
        var environment = LogonKeys.SESSION_ENVIRONMENT.get(exchange);
        int requested = logon.request().integer("port").orElse(0);
        PendingHandoffs.Claim claim = pending.claim(environment.user(), logon.address());
        ClientIdRegistry.Handoff handoff = new ClientIdRegistry.Handoff();
        HandoffListener listener;
        try {
            listener = HandoffListener.open(boss, workers, bindAddress, allocator, requested, handoffTimeout,
                    maxLineBytes, handshake.on(handoff), tls, handshakes, proxy);
        } catch (RuntimeException e) {
            claim.close();
            throw e;
        }
        PendingSession session = new PendingSession(environment, LogonKeys.LEASE.get(exchange), logon.address(),
                listener.port());
        try {
            String clientId = clientIds.issue(handoff, session, logon.address(), handoffTimeout.toMillis());
            LogonKeys.HANDOFF.set(exchange, new PortHandoff(listener, clientId, session));
        } catch (RuntimeException e) {
            listener.close();
            claim.close();
            throw e;
        }
        claim.endsWith(listener);
        // Registered after the ID exists, so an end that came first still withdraws it (whenComplete runs at once).
        listener.connected().whenComplete((channel, failure) -> {
            clientIds.withdraw(handoff);
            claim.close();
            if (failure != null) {
                // Nobody came, or the one who did was turned away after redeeming: the place goes back.
                // Where a session had been started on it, ending that session releases it too (harmlessly).
                session.lease().close();
            }
        });
    }
}
