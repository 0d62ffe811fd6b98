package dev.passgate.partner;

import dev.passgate.security.ProfileRecord;
import dev.passgate.security.SecurityEnvironment;
import dev.passgate.security.SecurityBootstrap;
import dev.passgate.security.SecurityRegistry;
import dev.passgate.security.UserRecord;
import dev.passgate.store.Jdbc;
import java.time.Clock;
import java.util.List;
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

    private PartnerSetup(ClusterStore store, PartnerInfoService service, SecurityRegistry security, String node) {
        this.store = store;
        this.service = service;
        this.security = security;
        this.node = node;
    }

    /** @throws ClusterStore.NameInUseException when a live node elsewhere has this node's name */
    public static PartnerSetup join(SecurityRegistry security, PartnerSettings s, String endpoint, Clock clock) {
        ClusterStore store = new ClusterStore(new Jdbc(security.dataSource()), clock);
        UTokens utokens = new UTokens(s.cluster(), s.node(), store.clusterKey(s.cluster(), security.secretBox()), clock);
        // The domain is read once, at start, as a TCP/IP stack reads it: a change needs a restart.
        String domain = security.profiles().find("SERVAUTH", "EZBDOMAIN").map(ProfileRecord::appldata)
                .filter(a -> a != null && !a.isBlank()).map(String::trim).orElse(null);
        List<String> addresses = ClusterView.nodeAddresses(s.addresses());
        store.join(new ClusterStore.Node(s.node(), s.tcpip(), domain, addresses, endpoint, NodeAddress.home(s.dataDir()), 0),
                ClusterView.ALIVE_MILLIS);
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
        poller.scheduleAtFixedRate(() -> beat(store, s.node()), ClusterView.HEARTBEAT_MILLIS,
                ClusterView.HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        PartnerInfoService service = new PartnerInfoService(registry, view, utokens, security.access(),
                PartnerInfoService.partnerInfoProfile(s.node(), s.tcpip()), poller, security.cluster());
        return new PartnerSetup(store, service, security, s.node());
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

    private static void beat(ClusterStore store, String node) {
        try {
            store.beat(node);
        } catch (RuntimeException e) {
            // A missed beat only matters if it goes on for ALIVE_MILLIS; the next one may work.
            LOG.warn("Cluster heartbeat not written: {}", e.toString());
        }
    }

    public PartnerInfoService service() {
        return service;
    }

    public ConnectionRegistry connections() {
        return service.connections();
    }

    /** Leaves the cluster: this node's connection rows go, lookups stop. */
    @Override
    public void close() {
        service.close();
        try {
            store.leave(node);
        } catch (RuntimeException e) {
            LOG.warn("Could not withdraw this node's connections from the cluster: {}", e.toString());
        }
        store.close();
    }
}
