package dev.passgate.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passgate.store.ClusterMessages;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the far end of a connection: on this node in its {@link ConnectionRegistry}, on another
 * node by asking that node in a {@link Kind#PARTNER_LOOKUP} message, which it answers from its own
 * registry (so that the answer does not wait for its background row write) with a
 * {@link Kind#PARTNER_ANSWER}, at once or as soon as the connection registers there. The node to
 * ask is the one whose registered addresses (and daemon port) the connection comes from; where
 * several could be, the cluster's connection rows are read once and each of them is asked.
 */
final class PartnerLookups {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerLookups.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How far the nodes' clocks may disagree (they should run NTP). */
    private static final long CLOCK_SKEW_MILLIS = 10_000;

    /** The messages of a lookup between two nodes. */
    enum Kind {
        PARTNER_LOOKUP, PARTNER_ANSWER
    }

    /**
     * Who is at the other end of my connection (its ends as the asker sees them)?
     *
     * @param waitMillis how long the asker waits: the owner answers once the connection is there within it
     */
    record Lookup(String id, String localHost, int localPort, String remoteHost, int remotePort, long waitMillis) {
    }

    /** The owner's answer: its connection's signed owners, or found = false ("not here within the wait"). */
    record Answer(String id, boolean found, String ownerUToken, String taskUToken, long registeredAt) {
    }

    /** A lookup of this node that waits for answers. */
    private record Pending(PartnerConnection connection, CompletableFuture<Optional<Partner>> result, Set<String> asked,
            boolean watchingHere) {
    }

    private final ConnectionRegistry registry;
    private final ClusterView cluster;
    private final UTokens utokens;
    private final ClusterMessages messages;
    private final ScheduledExecutorService timers;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<PartnerConnection, Set<String>> byConnection = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Registers the handlers of both kinds: in place before the node hears its first message. */
    PartnerLookups(ConnectionRegistry registry, ClusterView cluster, UTokens utokens, ClusterMessages messages,
            ScheduledExecutorService timers) {
        this.registry = registry;
        this.cluster = cluster;
        this.utokens = utokens;
        this.messages = messages;
        this.timers = timers;
        messages.on(Kind.PARTNER_LOOKUP.name(), this::answer);
        messages.on(Kind.PARTNER_ANSWER.name(), this::answered);
        registry.onRemoved(this::abandon);
    }

    /** Looks until found, the deadline passes or the connection closes (then empty). */
    CompletableFuture<Optional<Partner>> search(PartnerConnection c, long deadlineNanos) {
        CompletableFuture<Optional<Partner>> result = new CompletableFuture<>();
        try {
            // Off the caller's thread: it may be a Netty event loop, and asking takes the store.
            timers.execute(() -> start(c, deadlineNanos, result));
        } catch (RejectedExecutionException stopping) {
            result.complete(Optional.empty());
        }
        return result;
    }

    private void start(PartnerConnection c, long deadlineNanos, CompletableFuture<Optional<Partner>> result) {
        try {
            Optional<PartnerConnection> here = registry.otherEnd(c);
            if (here.isPresent() || !c.connected()) {
                result.complete(here.map(this::onThisNode));
                return;
            }
            InetSocketAddress remote = c.remote();
            if (!cluster.isNodeAddress(remote.getAddress())) {
                result.complete(Optional.empty()); // outside the cluster: no node to ask, no row to read
                return;
            }
            List<String> owners = cluster.owners(remote);
            if (owners.isEmpty()) {
                cluster.refresh(); // a node that joined a moment ago is not in the cached view
                owners = cluster.owners(remote);
            }
            if (owners.size() != 1) {
                Optional<Partner> row = fromRows(c);
                if (row.isPresent()) {
                    result.complete(row);
                    return;
                }
            }
            String id = UUID.randomUUID().toString();
            boolean mayBeHere = cluster.isOwnAddress(remote.getAddress());
            Pending p = new Pending(c, result, ConcurrentHashMap.newKeySet(), mayBeHere);
            p.asked().addAll(owners);
            pending.put(id, p);
            byConnection.computeIfAbsent(c, k -> ConcurrentHashMap.newKeySet()).add(id);
            long waitNanos = Math.max(0, deadlineNanos - System.nanoTime());
            ScheduledFuture<?> deadline = timers.schedule(() -> finish(id, Optional.empty()), waitNanos, TimeUnit.NANOSECONDS);
            result.whenComplete((r, e) -> deadline.cancel(false));
            if (mayBeHere) {
                // The other end may be a connection of this node's that registers a moment later.
                ConnectionRegistry.Ends ends = ConnectionRegistry.Ends.of(c.local(), c.remote()).reversed();
                CompletableFuture<PartnerConnection> registered = registry.whenRegistered(ends);
                registered.thenAccept(other -> finish(id, Optional.of(onThisNode(other))));
                result.whenComplete((r, e) -> registry.stopWaiting(ends, registered));
            }
            Lookup ask = new Lookup(id, c.local().getAddress().getHostAddress(), c.local().getPort(),
                    remote.getAddress().getHostAddress(), remote.getPort(), TimeUnit.NANOSECONDS.toMillis(waitNanos));
            for (String owner : owners) {
                send(owner, Kind.PARTNER_LOOKUP, ask);
            }
        } catch (RuntimeException e) {
            LOG.warn("Partner lookup for {} failed: {}", c.remote(), e.toString());
            result.complete(Optional.empty());
        }
    }

    /** The one read of the cluster's rows when it is not known which node to ask. */
    private Optional<Partner> fromRows(PartnerConnection c) {
        InetSocketAddress l = c.local();
        InetSocketAddress r = c.remote();
        long notBefore = c.since().toEpochMilli() - CLOCK_SKEW_MILLIS;
        return cluster.store().find(r.getAddress().getHostAddress(), r.getPort(), l.getAddress().getHostAddress(),
                l.getPort(), utokens.node()).stream()
                // A row is the partner only if its node still runs and it is as new as this connection: a
                // crashed node's leftovers must not lend their user to a stranger who reuses the ports.
                .filter(row -> row.registeredAt() >= notBefore && cluster.isAlive(row.node())).findFirst()
                .map(row -> fromRow(row.node(), row.ownerUToken(), row.taskUToken(), false));
    }

    private void finish(String id, Optional<Partner> found) {
        Pending p = pending.remove(id);
        if (p == null) {
            return;
        }
        byConnection.computeIfPresent(p.connection(), (k, ids) -> {
            ids.remove(id);
            return ids.isEmpty() ? null : ids;
        });
        p.result().complete(found);
    }

    /** The connection closed: what was still looked up for it ends (empty), as nothing can arrive for it now. */
    private void abandon(PartnerConnection c) {
        Set<String> ids = byConnection.remove(c);
        if (ids != null) {
            ids.forEach(id -> finish(id, Optional.empty()));
        }
    }

    /** On the owning node: the connection at the other end of the asker's, now or once it registers. */
    private void answer(ClusterMessages.Message m) {
        Lookup q = read(m, Lookup.class);
        if (q == null || closed) {
            return;
        }
        ConnectionRegistry.Ends mine = new ConnectionRegistry.Ends(q.remoteHost(), q.remotePort(), q.localHost(),
                q.localPort());
        CompletableFuture<PartnerConnection> registered = registry.whenRegistered(mine);
        if (registered.isDone()) {
            reply(m.from(), q.id(), registered.join());
            return;
        }
        long waitMillis = Math.min(Math.max(q.waitMillis(), 0), PartnerInfoService.MAX_TIMEOUT.toMillis());
        registered.completeOnTimeout(null, waitMillis, TimeUnit.MILLISECONDS).thenAcceptAsync(c -> {
            registry.stopWaiting(mine, registered);
            reply(m.from(), q.id(), c);
        }, timers);
    }

    private void reply(String asker, String id, PartnerConnection c) {
        if (closed) {
            return;
        }
        send(asker, Kind.PARTNER_ANSWER, c == null ? new Answer(id, false, null, null, 0)
                : new Answer(id, true, registry.ownerUToken(), c.taskUToken(), c.since().toEpochMilli()));
    }

    /** On the asking node: an answer counts only from a node it asked, for a lookup still waiting. */
    private void answered(ClusterMessages.Message m) {
        Answer a = read(m, Answer.class);
        Pending p = a == null ? null : pending.get(a.id());
        if (p == null || !p.asked().contains(m.from())) {
            return;
        }
        long notBefore = p.connection().since().toEpochMilli() - CLOCK_SKEW_MILLIS;
        if (a.found() && a.registeredAt() >= notBefore) {
            finish(a.id(), Optional.of(fromRow(m.from(), a.ownerUToken(), a.taskUToken(), false)));
            return;
        }
        p.asked().remove(m.from());
        if (p.asked().isEmpty() && !p.watchingHere()) {
            finish(a.id(), Optional.empty());
        }
    }

    private void send(String node, Kind kind, Object payload) {
        try {
            messages.send(node, kind.name(), JSON.writeValueAsString(payload));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("Partner {} for node {} not sent: {}", kind, node, e.getClass().getSimpleName());
        }
    }

    /** The message's payload; null (with a warning that names no content: it may hold UTOKENs) if unreadable. */
    private static <T> T read(ClusterMessages.Message m, Class<T> type) {
        try {
            return JSON.readValue(m.payload(), type);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("Partner message {} from {} ({}) is not readable: dropped", m.id(), m.from(), m.kind());
            return null;
        }
    }

    Partner onThisNode(PartnerConnection other) {
        return fromRow(utokens.node(), registry.ownerUToken(), other.taskUToken(), true);
    }

    /** A partner whose tokens this cluster signed; with a null owner when any of them fails the check. */
    private Partner fromRow(String node, String ownerToken, String taskToken, boolean sameImage) {
        Optional<UToken> owner = ownerToken == null ? Optional.empty() : utokens.verify(ownerToken);
        Optional<UToken> task = taskToken == null ? Optional.empty() : utokens.verify(taskToken);
        if (owner.isEmpty() || (taskToken != null && task.isEmpty())) {
            return new Partner(node, sameImage, null, null, null, null);
        }
        return new Partner(node, sameImage, ownerToken, owner.get(), taskToken, task.orElse(null));
    }

    /** Stops answering and asking: what waits ends empty. */
    void close() {
        closed = true;
        pending.keySet().forEach(id -> finish(id, Optional.empty()));
    }
}
