package dev.passgate.partner;

import dev.passgate.security.AccessChecker;
import dev.passgate.security.AccessLevel;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.store.ClusterMessages;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Get and set partner info, the SIOCGPARTNERINFO / SIOCSPARTNERINFO analogues: which
 * authenticated user is at the other end of a connection inside the cluster.
 *
 * <p>A partner on this node is found in the {@link ConnectionRegistry} at once. A partner on
 * another node is asked of that node ({@link PartnerLookups}), which answers from its own registry
 * as soon as it has the connection: a lookup without a set waits for that answer up to its
 * timeout; set partner info starts the search as soon as the connection exists, so a later get is
 * answered without waiting.
 */
public final class PartnerInfoService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerInfoService.class);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    private final ConnectionRegistry registry;
    private final ClusterView cluster;
    private final UTokens utokens;
    private final AccessChecker access;
    private final String partnerInfoProfile;
    private final ScheduledExecutorService poller;
    private final PartnerLookups lookups;

    /**
     * @param partnerInfoProfile the SERVAUTH profile a caller needs READ on to see credentials
     * @param messages how this node asks the others about their connections, and answers them
     */
    public PartnerInfoService(ConnectionRegistry registry, ClusterView cluster, UTokens utokens, AccessChecker access,
            String partnerInfoProfile, ScheduledExecutorService poller, ClusterMessages messages) {
        this.registry = registry;
        this.cluster = cluster;
        this.utokens = utokens;
        this.access = access;
        this.partnerInfoProfile = partnerInfoProfile;
        this.poller = poller;
        this.lookups = new PartnerLookups(registry, cluster, utokens, messages, poller);
    }

    /** The SERVAUTH profile for a node: EZB.IOCTL.system.tcpip.PARTNERINFO. */
    public static String partnerInfoProfile(String systemName, String tcpipName) {
        return "EZB.IOCTL." + systemName + "." + tcpipName + ".PARTNERINFO";
    }

    /** What this node knows of its cluster: its domain, the other nodes. */
    public ClusterView clusterView() {
        return cluster;
    }

    /** The SERVAUTH profile a caller needs READ on to see credentials. */
    public String partnerInfoProfile() {
        return partnerInfoProfile;
    }

    public ConnectionRegistry connections() {
        return registry;
    }

    public UTokens utokens() {
        return utokens;
    }

    /** An unconnected socket whose connection will be registered for the task's session (task may be null). */
    public PartnerSocket socket(SecurityEnvironment task) {
        return new PartnerSocket(this, task, false);
    }

    /** An unbound listener; the sockets it accepts are registered for the task (may be null). */
    public PartnerServerSocket serverSocket(SecurityEnvironment task) throws IOException {
        return new PartnerServerSocket(this, task);
    }

    /** Registers a Netty connection just accepted or connected; with a set inherited from its listener, looks up now. */
    public PartnerConnection accepted(Channel channel, String kind, SecurityEnvironment task, boolean setPartnerInfo) {
        PartnerConnection c = registry.register(channel, kind, task);
        if (c != null && setPartnerInfo) {
            startLookup(c);
        }
        return c;
    }

    /**
     * Registers a socket connected some other way (by a library a miner uses, say) as this node's,
     * on behalf of the task's session (task may be null); close it with {@link #closed}.
     */
    public PartnerConnection register(Socket connected, SecurityEnvironment task) {
        return connected(connected, "outbound", task, false);
    }

    PartnerConnection connected(Socket socket, String kind, SecurityEnvironment task, boolean setPartnerInfo) {
        PartnerConnection c = registry.register(socket, kind, task);
        if (setPartnerInfo) {
            startLookup(c);
        }
        return c;
    }

    /** Takes a closed connection out of the registry and the cluster's view. */
    public void closed(PartnerConnection c) {
        registry.remove(c);
    }

    private void startLookup(PartnerConnection c) {
        c.prefetch(search(c, System.nanoTime() + MAX_TIMEOUT.toNanos()));
    }

    /**
     * Get partner info: always the routing, and the credentials asked for when the caller may see
     * them and they are known.
     *
     * @param timeout 0 (do not wait) to 60 seconds
     * @param caller the security environment asking; needs READ on the PARTNERINFO profile for credentials
     */
    public PartnerInfo get(PartnerConnection c, PartnerRequest type, Duration timeout, SecurityEnvironment caller) {
        if (timeout.isNegative() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("a partner info timeout is 0 to 60 seconds, not " + timeout.toSeconds());
        }
        if (c == null || !c.connected()) {
            return PartnerInfo.of(PartnerOutcome.NOT_CONNECTED, EnumSet.of(Routing.NO_CONNECTION));
        }
        if (!c.lookupPending.compareAndSet(false, true)) {
            return PartnerInfo.of(PartnerOutcome.ALREADY_PENDING, Set.of());
        }
        try {
            return lookUp(c, type, timeout, !type.wantsCredentials() || authorized(caller));
        } finally {
            c.lookupPending.set(false);
        }
    }

    private PartnerInfo lookUp(PartnerConnection c, PartnerRequest type, Duration timeout, boolean authorized) {
        Optional<Partner> found = immediate(c);
        if (found.isEmpty() && !cluster.isNodeAddress(c.remote().getAddress())) {
            return finish(c, EnumSet.of(Routing.NONE), PartnerOutcome.OK);
        }
        if (found.isEmpty()) {
            if (!authorized) {
                return finish(c, Set.of(), PartnerOutcome.NOT_AUTHORIZED);
            }
            if (timeout.isZero()) {
                return finish(c, Set.of(), c.setIssued() ? PartnerOutcome.IN_PROGRESS : PartnerOutcome.WOULD_BLOCK);
            }
            found = await(c, timeout);
            if (found.isEmpty()) {
                return finish(c, EnumSet.of(Routing.NONE), PartnerOutcome.TIMED_OUT);
            }
        }
        Partner p = found.get();
        if (p.owner() == null) {
            LOG.warn("Connection {} of node {} carries a UTOKEN this cluster did not sign: treated as outside the"
                    + " cluster", c.remote(), p.node());
            return finish(c, EnumSet.of(Routing.NONE), PartnerOutcome.OK);
        }
        Set<Routing> routing = routing(c, p);
        if (!type.wantsCredentials()) {
            return new PartnerInfo(PartnerOutcome.OK, record(c, routing, 0), p.node(), null, null, null, null);
        }
        if (!authorized) {
            return finish(c, routing, PartnerOutcome.NOT_AUTHORIZED);
        }
        if (!p.sameImage() && !cluster.sameDomain(p.node())) {
            return finish(c, routing, PartnerOutcome.NOT_SAME_DOMAIN);
        }
        boolean user = type.wantsUser();
        boolean token = type.wantsUToken();
        record(c, routing, (user ? PartnerConnection.USER_RETRIEVED : 0) | (token ? PartnerConnection.UTOKEN_RETRIEVED : 0));
        return new PartnerInfo(PartnerOutcome.OK, routing, p.node(), user ? p.owner().user() : null,
                token ? p.ownerUToken() : null, user && p.task() != null ? p.task().user() : null,
                token ? p.taskUToken() : null);
    }

    private Set<Routing> routing(PartnerConnection c, Partner p) {
        Set<Routing> routing = EnumSet.of(Routing.SAME_CLUSTER);
        if (p.sameImage()) {
            routing.add(Routing.SAME_IMAGE);
        }
        if (cluster.isInternal(c.remote().getAddress())) {
            routing.add(Routing.INTERNAL);
        }
        return routing;
    }

    private static PartnerInfo finish(PartnerConnection c, Set<Routing> routing, PartnerOutcome outcome) {
        return PartnerInfo.of(outcome, record(c, routing, 0));
    }

    private static Set<Routing> record(PartnerConnection c, Set<Routing> routing, int retrieved) {
        c.recordLookup(Routing.bits(routing), retrieved);
        return routing;
    }

    private boolean authorized(SecurityEnvironment caller) {
        return caller != null && access.check(caller, "SERVAUTH", partnerInfoProfile, AccessLevel.READ).allowed();
    }

    /** What is known without waiting: a finished set's answer, or the other end when it is on this node. */
    private Optional<Partner> immediate(PartnerConnection c) {
        CompletableFuture<Optional<Partner>> set = c.prefetched();
        if (set != null && set.isDone()) {
            Optional<Partner> p = set.getNow(Optional.empty());
            if (p.isPresent()) {
                return p;
            }
        }
        return registry.otherEnd(c).map(lookups::onThisNode);
    }

    private Optional<Partner> await(PartnerConnection c, Duration timeout) {
        CompletableFuture<Optional<Partner>> set = c.prefetched();
        CompletableFuture<Optional<Partner>> search = set != null && !set.isDone() ? set
                : search(c, System.nanoTime() + timeout.toNanos());
        try {
            return search.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.warn("Partner lookup for {} failed: {}", c.remote(), e.getCause().toString());
            return Optional.empty();
        }
    }

    /** Looks on this node and in the cluster until found, the deadline passes or the connection closes. */
    private CompletableFuture<Optional<Partner>> search(PartnerConnection c, long deadlineNanos) {
        return lookups.search(c, deadlineNanos);
    }

    /** The connection of a Netty channel, if PassGate owns it. */
    public Optional<PartnerConnection> connection(Channel channel) {
        return registry.find(channel);
    }

    @Override
    public void close() {
        lookups.close();
        poller.shutdownNow();
    }
}
