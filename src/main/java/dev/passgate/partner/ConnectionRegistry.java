package dev.passgate.partner;

import dev.passgate.security.SecurityEnvironment;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Every connection PassGate owns — daemon and session sockets, and outbound connections opened
 * through {@link PartnerInfoService} — with its two ends and its owners: the node's service user
 * (the "address space" identity) and, once known, the session user (the "task" identity). Each
 * is also published to the cluster so that the node at the other end can find out who is here.
 * It is what NETSTAT lists and what partner lookups consult.
 */
public final class ConnectionRegistry {

    /** A connection's identity on this node: its two ends. */
    record Ends(String localHost, int localPort, String remoteHost, int remotePort) {
        static Ends of(InetSocketAddress local, InetSocketAddress remote) {
            return new Ends(local.getAddress().getHostAddress(), local.getPort(), remote.getAddress().getHostAddress(),
                    remote.getPort());
        }

        Ends reversed() {
            return new Ends(remoteHost, remotePort, localHost, localPort);
        }
    }

    private final Map<Ends, PartnerConnection> connections = new ConcurrentHashMap<>();
    /** Lookups waiting for a connection this node does not have yet (the other end may be quicker). */
    private final Map<Ends, Set<CompletableFuture<PartnerConnection>>> waiting = new ConcurrentHashMap<>();
    private final List<Consumer<PartnerConnection>> removed = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final String owner;
    private final String ownerUToken;
    private final UTokens utokens;
    private final ClusterStore cluster;
    private final Clock clock;

    /**
     * @param owner the node's service user
     * @param ownerUToken its UTOKEN, published with every connection
     */
    public ConnectionRegistry(String owner, String ownerUToken, UTokens utokens, ClusterStore cluster, Clock clock) {
        this.owner = owner;
        this.ownerUToken = ownerUToken;
        this.utokens = utokens;
        this.cluster = cluster;
        this.clock = clock;
    }

    /** Registers a Netty connection and forgets it when it closes; null when the channel is not a TCP connection. */
    public PartnerConnection register(Channel channel, String kind, SecurityEnvironment task) {
        if (!(channel.localAddress() instanceof InetSocketAddress local)
                || !(channel.remoteAddress() instanceof InetSocketAddress remote)) {
            return null;
        }
        PartnerConnection c = add(local, remote, kind, task, channel::isActive);
        channel.closeFuture().addListener(f -> remove(c));
        return c;
    }

    /** Registers a connected socket; {@link #remove} it when it closes. */
    public PartnerConnection register(Socket socket, String kind, SecurityEnvironment task) {
        return add((InetSocketAddress) socket.getLocalSocketAddress(), (InetSocketAddress) socket.getRemoteSocketAddress(),
                kind, task, () -> socket.isConnected() && !socket.isClosed());
    }

    private PartnerConnection add(InetSocketAddress local, InetSocketAddress remote, String kind, SecurityEnvironment task,
            BooleanSupplier connected) {
        PartnerConnection c = new PartnerConnection(ids.incrementAndGet(), kind, local, remote, owner, clock.instant(),
                connected);
        if (task != null) {
            c.identify(task.user(), utokens.issue(task));
        }
        Ends ends = Ends.of(local, remote);
        connections.put(ends, c);
        publish(c);
        Set<CompletableFuture<PartnerConnection>> waiters = waiting.remove(ends);
        if (waiters != null) {
            waiters.forEach(w -> w.complete(c));
        }
        return c;
    }

    /**
     * This node's connection with these ends, now or once it is registered; a caller that stops
     * waiting {@link #stopWaiting}s.
     */
    CompletableFuture<PartnerConnection> whenRegistered(Ends ends) {
        CompletableFuture<PartnerConnection> f = new CompletableFuture<>();
        waiting.compute(ends, (e, set) -> {
            Set<CompletableFuture<PartnerConnection>> waiters = set == null ? ConcurrentHashMap.newKeySet() : set;
            waiters.add(f);
            return waiters;
        });
        // Registered between the caller's look and the line above: add() may have missed this waiter.
        PartnerConnection now = connections.get(ends);
        if (now != null) {
            stopWaiting(ends, f);
            f.complete(now);
        }
        return f;
    }

    void stopWaiting(Ends ends, CompletableFuture<PartnerConnection> waiter) {
        waiting.computeIfPresent(ends, (e, set) -> {
            set.remove(waiter);
            return set.isEmpty() ? null : set;
        });
    }

    /** Called with each connection taken out, so that what waits on its behalf can stop. */
    void onRemoved(Consumer<PartnerConnection> listener) {
        removed.add(listener);
    }

    /** Records the session user of a connection once the session exists. */
    public void identify(Channel channel, String kind, SecurityEnvironment task) {
        PartnerConnection c = find(channel).orElse(null);
        if (c == null) {
            register(channel, kind, task);
        } else {
            c.identify(task.user(), utokens.issue(task));
            publish(c);
        }
    }

    public void remove(PartnerConnection c) {
        if (connections.remove(Ends.of(c.local(), c.remote()), c)) {
            cluster.withdraw(utokens.node(), c.id());
            removed.forEach(l -> l.accept(c));
        }
    }

    public Optional<PartnerConnection> find(Channel channel) {
        if (channel.localAddress() instanceof InetSocketAddress local
                && channel.remoteAddress() instanceof InetSocketAddress remote) {
            return Optional.ofNullable(connections.get(Ends.of(local, remote)));
        }
        return Optional.empty();
    }

    /** This node's connection at the other end of the given one, if both ends are here. */
    Optional<PartnerConnection> otherEnd(PartnerConnection c) {
        return Optional.ofNullable(connections.get(Ends.of(c.local(), c.remote()).reversed()));
    }

    String ownerUToken() {
        return ownerUToken;
    }

    public List<PartnerConnection> all() {
        return connections.values().stream().sorted(Comparator.comparing(PartnerConnection::since)
                .thenComparing(PartnerConnection::id)).toList();
    }

    private void publish(PartnerConnection c) {
        Ends e = Ends.of(c.local(), c.remote());
        cluster.publish(new ClusterStore.ConnectionRow(utokens.node(), c.id(), e.localHost(), e.localPort(),
                e.remoteHost(), e.remotePort(), ownerUToken, c.taskUToken(), c.since().toEpochMilli()));
    }
}
