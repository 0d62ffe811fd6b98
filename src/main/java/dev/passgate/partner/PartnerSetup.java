package dev.passgate.partner;

import dev.passgate.security.ProfileRecord;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.security.SecurityBootstrap;
import dev.passgate.security.SecurityRegistry;
import dev.passgate.security.UserRecord;
import dev.passgate.store.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins this node to its cluster (the database it shares with the other nodes) and builds the
 * partner service: cluster key, node row with its security domain, connection registry.
 * {@link PartnerModule} binds what routes use of it.
 */
public final class PartnerSetup implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerSetup.class);

    private final ClusterStore store;
    private final PartnerInfoService service;
    private final SecurityRegistry security;
    private final String node;
    private volatile SecurityEnvironment serviceIdentity;
    private final List<Runnable> declaredLost = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "PassGateHeartbeat");
        t.setDaemon(true);
        return t;
    });

    private final ClusterMembership membership;

    private PartnerSetup(ClusterStore store, PartnerInfoService service, SecurityRegistry security, String node,
            Duration lostAfter) {
        this.store = store;
        this.service = service;
        this.security = security;
        this.node = node;
        this.membership = new ClusterMembership(store, this, node, lostAfter);
    }

    /** @throws ClusterStore.NameInUseException when a live node elsewhere has this node's name */
    public static PartnerSetup join(SecurityRegistry security, PartnerSettings s, String endpoint, Clock clock) {
        ClusterStore store = new ClusterStore(new Jdbc(security.dataSource()), clock);
        UTokens utokens = new UTokens(s.cluster(), s.node(), store.clusterKey(s.cluster(), security.secretBox()), clock);
        // The domain is read once, at start, as a TCP/IP stack reads it: a change needs a restart.
        String domain = security.profiles().find("SERVAUTH", "EZBDOMAIN").map(ProfileRecord::appldata)
                .filter(a -> a != null && !a.isBlank()).map(String::trim).orElse(null);
        List<String> addresses = ClusterView.nodeAddresses(s.addresses());
        ClusterStore.Node self = new ClusterStore.Node(s.node(), s.tcpip(), domain, addresses, endpoint,
                NodeAddress.home(s.dataDir()), 0);
        store.join(self, s.nodeLostAfter().toMillis());
        if (domain == null) {
            // Only matters once several nodes share the database, so no warning for a single node.
            LOG.info("SERVAUTH EZBDOMAIN is not defined (or has no APPLDATA): partner credentials are exchanged only"
                    + " between connections on this node. For a cluster define it once: RDEFINE SERVAUTH EZBDOMAIN"
                    + " APPLDATA('<domain>')");
        }
        LOG.info("Node {} joined cluster {} at {} (domain {}, addresses {})", s.node(), s.cluster(), endpoint,
                domain == null ? "undefined" : domain, addresses);
        UserRecord owner = security.users().find(SecurityBootstrap.SERVICE_USER).orElseThrow(() ->
                new IllegalStateException("the service user " + SecurityBootstrap.SERVICE_USER + " is not defined"));
        String ownerUToken = utokens.issue(owner.userId(), owner.defaultGroup(), security.users().groups(owner.userId()));
        ConnectionRegistry registry = new ConnectionRegistry(owner.userId(), ownerUToken, utokens, store, clock);
        ClusterView view = new ClusterView(store, s.node(), domain, s.internalNetworks(), clock);
        ScheduledExecutorService poller = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "PassGatePartnerLookup");
            t.setDaemon(true);
            return t;
        });
        PartnerInfoService service = new PartnerInfoService(registry, view, utokens, security.access(),
                PartnerInfoService.partnerInfoProfile(s.node(), s.tcpip()), poller, security.cluster());
        PartnerSetup setup = new PartnerSetup(store, service, security, s.node(), s.nodeLostAfter());
        setup.beatEvery(self, s.heartbeatInterval(), s.nodeLostAfter());
        return setup;
    }

    /**
     * The node's service user as a security environment, vouched for by the node itself: what the
     * daemon and routes ask for partner info as, unless a route names another caller.
     */
    public SecurityEnvironment serviceIdentity() {
        SecurityEnvironment env = serviceIdentity;
        if (env == null) {
            synchronized (this) {
                if (serviceIdentity == null) {
                    serviceIdentity = security.verifier().trusted(SecurityBootstrap.SERVICE_USER, "node " + node,
                            "this node (its service user)").environment();
                }
                env = serviceIdentity;
            }
        }
        return env;
    }

    /**
     * Runs {@code whenDeclaredLost} each time this node finds that the others took it for lost
     * (it was cut off from the store for longer than the node-lost setting) and logged its sessions
     * out: the sessions it still holds here are no longer the cluster's.
     */
    public void onDeclaredLost(Runnable whenDeclaredLost) {
        declaredLost.add(whenDeclaredLost);
    }

    /** On a thread of its own: a slow partner lookup must never delay the beat that keeps the node alive. */
    private void beatEvery(ClusterStore.Node self, Duration interval, Duration lostAfter) {
        heartbeat.scheduleWithFixedDelay(() -> beat(self, lostAfter), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void beat(ClusterStore.Node self, Duration lostAfter) {
        try {
            if (store.beat(node)) {
                return;
            }
            LOG.warn("The cluster took this node ({}) for lost: it was silent in the store for over {} s, and the other"
                    + " nodes have logged its sessions out. Closing them here and joining again.", node,
                    lostAfter.toSeconds());
            declaredLost.forEach(Runnable::run);
            store.join(self, lostAfter.toMillis());
        } catch (RuntimeException e) {
            // A missed beat only matters if it goes on for the node-lost time; the next one may work.
            LOG.warn("Cluster heartbeat not written: {}", e.toString());
        }
    }

    public PartnerInfoService service() {
        return service;
    }

    public ClusterMembership membership() {
        return membership;
    }

    public ConnectionRegistry connections() {
        return service.connections();
    }

    /** Leaves the cluster: this node's connection rows go, lookups stop. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        service.close();
        try {
            store.leave(node);
        } catch (RuntimeException e) {
            LOG.warn("Could not withdraw this node's connections from the cluster: {}", e.toString());
        }
        store.close();
    }
}
